import type { Address } from '../ipc/contract';
import type { ComposeAddress } from '../ipc/compose-shapes';
import type { IdentityView } from '../ipc/mail-shapes';

/** A From address of an account, as the UI is shown it; id null is the account's implicit one (when it has no identities rows). */
export type Identity = IdentityView;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The identity the original was sent to (To first, then Cc), so that a reply
 * to mail for "sales@" comes from "sales@"; the default one otherwise.
 */
export function identityForReply(identities: Identity[], original: { to: Address[]; cc: Address[] }): Identity | undefined {
  for (const recipient of [...original.to, ...original.cc]) {
    const match = identities.find((identity) => same(identity.email, recipient.address));
    if (match) return match;
  }
  return identities.find((identity) => identity.isDefault) ?? identities[0];
}

function unique(addresses: Address[], without: (address: string) => boolean): ComposeAddress[] {
  const seen = new Set<string>();
  const result: ComposeAddress[] = [];
  for (const { name, address } of addresses) {
    const key = address.trim().toLowerCase();
    if (!key || seen.has(key) || without(address)) continue;
    seen.add(key);
    result.push({ name, address: address.trim() });
  }
  return result;
}

/**
 * Who a reply goes to. Reply: the Reply-To if the message had one, else the
 * sender; a message the user sent themselves (in Sent) goes back to its own
 * recipients. Reply all adds every other To and Cc, without any address of
 * the user's own identities, and nobody twice.
 */
export function replyRecipients(
  original: { from: Address; replyTo: Address[]; to: Address[]; cc: Address[] },
  ownAddresses: string[],
  all: boolean,
): { to: ComposeAddress[]; cc: ComposeAddress[] } {
  const isOwn = (address: string) => ownAddresses.some((own) => same(own, address));
  const fromSelf = isOwn(original.from.address);
  const primary = fromSelf ? original.to : original.replyTo.length ? original.replyTo : [original.from];
  const to = unique(primary, () => false);
  if (!all) return { to, cc: [] };
  const taken = new Set(to.map((a) => a.address.toLowerCase()));
  const others = fromSelf ? original.cc : [...original.to, ...original.cc];
  const cc = unique(others, (address) => isOwn(address) || taken.has(address.trim().toLowerCase()));
  return { to: to.length ? to : cc.splice(0, 1), cc };
}
