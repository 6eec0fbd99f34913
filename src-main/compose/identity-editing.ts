import { WrenError } from '../errors/wren-error';
import type { IdentityFields } from '../ipc/compose-shapes';
import type { IdentityView } from '../ipc/mail-shapes';
import type { IdentityRow } from '../store/identities-repo';
import type { Store } from '../store/store';
import type { z } from 'zod';

type Fields = z.output<typeof IdentityFields>;

/**
 * The "-- " line (or "--") the user typed above a signature: the composer writes that delimiter itself, so kept it
 * would stand twice (Thunderbird likewise adds none to a signature that starts with one).
 */
const TYPED_DELIMITER = /^--[ \t]*(?:\n|$)/;

/** An empty signature or reply-to is none at all (the composer then adds no "-- " block). */
function normalised(fields: Fields): Omit<IdentityRow, 'id' | 'accountId'> {
  const signature = fields.signature?.replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(TYPED_DELIMITER, '') ?? '';
  return { name: fields.name, email: fields.email, replyTo: fields.replyTo || null, signature: signature || null, isDefault: fields.isDefault };
}

/**
 * The account's "Your name" (Edit account) is its default identity's name: Edit account renames that identity, and
 * here an identity renamed as the default, or another made the default, renames the account, so the two never
 * disagree (the From a message goes out with is the identity's).
 */
function accountNameFollowsDefault(store: Store, accountId: number): void {
  const byDefault = store.identities.list(accountId).find((identity) => identity.isDefault);
  if (byDefault && store.accounts.get(accountId)?.displayName !== byDefault.name) store.accounts.setDisplayName(accountId, byDefault.name);
}

function requireIdentity(store: Store, identityId: number): IdentityRow {
  const identity = store.identities.get(identityId);
  if (!identity) throw new WrenError('NotFound', `There is no identity ${identityId}.`, { identityId });
  return identity;
}

/**
 * Adds a From address to an account. Every account keeps exactly one default
 * (the one a new message starts from): a new default takes over from the old.
 */
export function addIdentity(store: Store, accountId: number, fields: Fields): IdentityView {
  return store.write(() => {
    const id = store.identities.insert({ accountId, ...normalised(fields) });
    if (fields.isDefault) store.identities.makeDefault(accountId, id);
    accountNameFollowsDefault(store, accountId);
    return requireIdentity(store, id);
  });
}

/** Replaces an identity's fields. The default cannot be unset here, only moved by making another one the default. */
export function updateIdentity(store: Store, identityId: number, fields: Fields): IdentityView {
  return store.write(() => {
    const current = requireIdentity(store, identityId);
    const next = { ...current, ...normalised(fields) };
    if (current.isDefault && !next.isDefault) {
      throw new WrenError('BadRequest', 'An account needs a default identity: make another one the default instead.', { identityId });
    }
    store.identities.update(next);
    if (next.isDefault) store.identities.makeDefault(current.accountId, identityId);
    accountNameFollowsDefault(store, current.accountId);
    return requireIdentity(store, identityId);
  });
}

/** Removes an identity; never the account's last. A removed default hands over to the oldest one left. */
export function removeIdentity(store: Store, identityId: number): { removed: true } {
  return store.write(() => {
    const identity = requireIdentity(store, identityId);
    const others = store.identities.list(identity.accountId).filter((other) => other.id !== identityId);
    if (others.length === 0) throw new WrenError('BadRequest', 'An account needs at least one identity to send as.', { identityId });
    store.identities.remove(identityId);
    if (identity.isDefault) store.identities.makeDefault(identity.accountId, Math.min(...others.map((other) => other.id)));
    accountNameFollowsDefault(store, identity.accountId);
    return { removed: true as const };
  });
}
