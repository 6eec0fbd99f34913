import { describe, expect, it } from 'vitest';
import { toSequenceSet } from '../../../src-main/imap/sequence-set';
import { chunk, chunkBySize } from '../../../src-main/sync/uid-ranges';

describe('toSequenceSet', () => {
  it('compresses runs and keeps gaps', () => {
    expect(toSequenceSet([5, 1, 2, 3, 9, 10, 12])).toBe('1:3,5,9:10,12');
    expect(toSequenceSet([7])).toBe('7');
    expect(toSequenceSet([])).toBe('');
  });
});

describe('chunk', () => {
  it('splits into slices of at most the given size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('chunkBySize', () => {
  it('cuts at the count or the byte budget, and never leaves an oversized item out', () => {
    const items = [5, 5, 5, 20, 1, 1, 1].map((size) => ({ size }));
    expect(chunkBySize(items, 10, 12).map((c) => c.map((i) => i.size))).toEqual([[5, 5], [5], [20], [1, 1, 1]]);
    expect(chunkBySize(items, 2, 100).map((c) => c.length)).toEqual([2, 2, 2, 1]);
    expect(chunkBySize([], 2, 100)).toEqual([]);
  });
});
