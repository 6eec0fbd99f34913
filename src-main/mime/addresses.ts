import { addressparser } from '../system/first-use-packages';
import type { Address } from '../ipc/contract';
import { decodeEncodedWords } from './encoded-words';
import { plainAddressList } from './plain-address-list';
import type { WordCharset } from './chosen-encoding';

export const NO_ADDRESS: Address = { name: '', address: '' };

/**
 * Parses an address list whose 8-bit bytes are already decoded. Encoded words
 * are decoded after parsing, per RFC 2047 section 5 (a decoded name holding a
 * comma or "<x@y>" must stay a name), and by our decoder rather than the
 * parser's, so broken words stay readable. Groups are flattened: the list
 * shows mailboxes, and "undisclosed-recipients:;" has none. Plain lists skip the full parser (same result).
 * `wordCharset`: see decodeEncodedWords.
 */
export function parseAddressList(value: string, wordCharset?: WordCharset): { addresses: Address[]; warnings: string[] } {
  const warnings: string[] = [];
  const addresses: Address[] = [];
  for (const entry of plainAddressList(value) ?? addressparser()(value, { flatten: true })) {
    const address = (entry.address ?? '').trim();
    const name = displayName(entry.name ?? '', warnings, wordCharset);
    if (name || address) addresses.push({ name, address });
  }
  return { addresses, warnings };
}

/** Most names hold no encoded word: those skip the decoder. */
function displayName(raw: string, warnings: string[], wordCharset: WordCharset | undefined): string {
  if (!raw.includes('=?')) return raw.trim();
  const decoded = decodeEncodedWords(raw, wordCharset);
  for (const warning of decoded.warnings) warnings.push(warning);
  return decoded.text.trim();
}
