import type { Address } from '../../src-main/ipc/contract';

/** "Name <address>", or just the address when there is no name. */
export function formatAddress(address: Address): string {
  if (!address.name) return address.address;
  return address.address ? `${address.name} <${address.address}>` : address.name;
}

export function formatAddressList(addresses: Address[]): string {
  return addresses.map(formatAddress).join(', ');
}

/** What a list row shows for the sender: the name when known, else the address. */
export function senderLabel(address: Address): string {
  return address.name || address.address;
}
