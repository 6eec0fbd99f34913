import { WrenError } from '../errors/wren-error';
import type { IdentityFields } from '../ipc/compose-shapes';
import type { IdentityView } from '../ipc/mail-shapes';
import type { IdentityRow } from '../store/identities-repo';
import type { Store } from '../store/store';
import type { z } from 'zod';

type Fields = z.output<typeof IdentityFields>;

/** An empty signature or reply-to is none at all (the composer then adds no "-- " block). */
function normalised(fields: Fields): Omit<IdentityRow, 'id' | 'accountId'> {
  const signature = fields.signature?.replace(/\r\n?/g, '\n').replace(/\s+$/, '') ?? '';
  return { name: fields.name, email: fields.email, replyTo: fields.replyTo || null, signature: signature || null, isDefault: fields.isDefault };
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
    return { removed: true as const };
  });
}
