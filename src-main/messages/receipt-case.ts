import type { ReceiptCase } from '../ipc/contract';
import type { Address } from '../ipc/mail-shapes';

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Which of Thunderbird's three cases a receipt request falls in, checked in its order: none of the user's addresses
 * is in the message's To or Cc (a list, a Bcc); the sender is outside the domains of the user's addresses; any other.
 */
export function receiptCase(message: { from: Address; to: Address[]; cc: Address[] }, ownAddresses: readonly string[]): ReceiptCase {
  const own = new Set(ownAddresses.map((address) => address.toLowerCase()));
  if (![...message.to, ...message.cc].some((recipient) => own.has(recipient.address.toLowerCase()))) return 'notInToCc';
  const ownDomains = new Set([...own].map(domainOf));
  return ownDomains.has(domainOf(message.from.address)) ? 'otherCases' : 'outsideDomain';
}
