import { describe, expect, it } from 'vitest';
import { emptyAgainstItsSize, hasUnsplittableMultipart } from '../../../src-main/mime/structure-trust';
import type { StructurePart } from '../../../src-main/mime/structure';

const leaf = (part: string, type: string, size: number): StructurePart => ({
  part, type, parameters: {}, encoding: '7bit', size, disposition: null, filename: null, contentId: null,
});
const multipart = (parameters: Record<string, string>, children: StructurePart[]): StructurePart => ({
  ...leaf('', 'multipart/mixed', 0), encoding: null, parameters, children,
});

describe('structure trust', () => {
  it('distrusts a multipart without a boundary, at any depth', () => {
    expect(hasUnsplittableMultipart(multipart({}, [leaf('1', 'text/plain', 0)]))).toBe(true);
    expect(hasUnsplittableMultipart(multipart({ boundary: 'a' }, [multipart({}, [])]))).toBe(true);
    expect(hasUnsplittableMultipart(multipart({ boundary: 'a' }, [leaf('1', 'text/plain', 10)]))).toBe(false);
    expect(hasUnsplittableMultipart(leaf('1', 'text/plain', 10))).toBe(false);
  });

  it('distrusts empty parts only when most of the message lies outside them', () => {
    const empty = { text: ' \r\n', html: null };
    expect(emptyAgainstItsSize(empty, multipart({ boundary: 'a' }, [leaf('1', 'text/plain', 0)]), 5000)).toBe(true);
    expect(emptyAgainstItsSize(empty, multipart({ boundary: 'a' }, [leaf('1', 'text/plain', 0), leaf('2', 'application/pdf', 400_000)]), 401_000)).toBe(false);
    expect(emptyAgainstItsSize({ text: 'hi', html: null }, multipart({ boundary: 'a' }, [leaf('1', 'text/plain', 0)]), 5000)).toBe(false);
  });
});
