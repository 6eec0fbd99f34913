import type { ComposeAddress } from '../../../src-main/ipc/contract';

/** One chip: what was typed or pasted, read as an address, and whether it can be sent to. */
export interface AddressChip {
  name: string;
  address: string;
  valid: boolean;
}

/**
 * Close to what the core's schema accepts (zod's email): a local part of
 * the usual characters, one @, a domain of dot-separated labels with a
 * top-level part of letters. Catches the typos that matter before sending.
 */
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function isValidAddress(address: string): boolean {
  return address.length <= 320 && EMAIL.test(address);
}

/** The full-width comma and semicolon and the enumeration comma a Chinese input method types. */
export const FULL_WIDTH_SEPARATOR = /[，；、]/;

/** What separates addresses in a list: commas, semicolons and line breaks, and the full-width separators. */
export const LIST_SEPARATOR = new RegExp(`[,;\\n\\r]|${FULL_WIDTH_SEPARATOR.source}`);

/** Splits a pasted list at its separators outside quotes and angle brackets. */
export function splitAddressList(text: string): string[] {
  const { done, rest } = splitTypedList(text);
  return [...done, rest].map((part) => part.trim()).filter(Boolean);
}

/**
 * The entries a separator already ended, and what follows the last one (still being typed). An input
 * method hands its full-width comma over as text, not as a key the field could watch for.
 */
export function splitTypedList(text: string): { done: string[]; rest: string } {
  const done: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') angle = true;
    else if (!quoted && char === '>') angle = false;
    if (!quoted && !angle && LIST_SEPARATOR.test(char)) {
      done.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  return { done: done.map((part) => part.trim()).filter(Boolean), rest: current };
}

/** `Ann Lee <ann@x.org>`, `"Lee, Ann" <ann@x.org>`, `<ann@x.org>`, `ann@x.org`, `张三 <zs@x.cn>`. */
export function parseAddress(entry: string): AddressChip {
  const text = entry.replace(/[\r\n\t]+/g, ' ').trim();
  const angled = /^(.*?)<([^<>]*)>\s*$/.exec(text);
  const name = angled ? angled[1]!.trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim() : '';
  const address = (angled ? angled[2]! : text).trim().replace(/^mailto:/i, '');
  return { name, address, valid: isValidAddress(address) };
}

export function parseAddressList(text: string): AddressChip[] {
  return splitAddressList(text).map(parseAddress);
}

/**
 * The chips with the added ones after them, each address once (compared whatever its case): an address already there
 * stays where it is, taking the added name when it had none ("bob@x" then "Bob Builder <bob@x>" is one chip, named).
 */
export function withChipsAdded(chips: AddressChip[], added: AddressChip[]): AddressChip[] {
  const result = [...chips];
  for (const chip of added) {
    const at = result.findIndex((present) => present.address.toLowerCase() === chip.address.toLowerCase());
    if (at < 0) result.push(chip);
    else if (!result[at]!.name && chip.name) result[at] = { ...result[at]!, name: chip.name };
  }
  return result;
}

export function chipOf(address: ComposeAddress): AddressChip {
  return { ...address, valid: isValidAddress(address.address) };
}

export function chipLabel(chip: { name: string; address: string }): string {
  return chip.name ? `${chip.name} <${chip.address}>` : chip.address;
}
