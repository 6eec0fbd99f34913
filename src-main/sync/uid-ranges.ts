// The sequence set is IMAP's own; it lives with the IMAP commands and is re-exported for older callers.
export { toSequenceSet } from '../imap/sequence-set';

/** Splits a list into consecutive chunks of at most `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Consecutive chunks of at most `maxCount` items and, past the first item, at most `maxBytes` of `size`. */
export function chunkBySize<T extends { size: number }>(items: T[], maxCount: number, maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= maxCount || bytes + item.size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
