import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../src-main/system/bounded-memo';

describe('boundedMemo', () => {
  it('makes each result once while kept, and forgets them all once full', () => {
    const made: string[] = [];
    const upper = boundedMemo(2, (key) => {
      made.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B']);
    expect(made).toEqual(['a', 'b']);
    // Full: the third forgets the first two, and the first is made again.
    expect([upper('c'), upper('a')]).toEqual(['C', 'A']);
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});
