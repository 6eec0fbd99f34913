import { describe, expect, it } from 'vitest';
import { chunk, toSequenceSet } from '../../../src-main/sync/uid-ranges';

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
