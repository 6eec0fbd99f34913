import type { AccountRecord } from '../store/accounts-repo';
import type { Store } from '../store/store';
import type { Identity } from './reply-recipients';

/**
 * An account's identities; one without any rows has one implicit identity,
 * its own address and display name (id null: "the account's default").
 */
export function identitiesOf(store: Store, account: AccountRecord): Identity[] {
  const rows = store.identities.list(account.id);
  if (rows.length > 0) return rows;
  return [{ id: null, accountId: account.id, name: account.displayName, email: account.email, replyTo: null, signature: null, isDefault: true }];
}

/** The identity a message is sent from: the one chosen, else the default. */
export function chosenIdentity(identities: Identity[], identityId: number | null): Identity {
  return identities.find((identity) => identity.id === identityId && identityId !== null) ?? identities.find((i) => i.isDefault) ?? identities[0]!;
}

/** The signature below the text, after the usual "-- " line that mail readers recognise. */
export function signatureBlock(identity: Identity): string {
  return identity.signature ? `\n\n-- \n${identity.signature}` : '';
}
