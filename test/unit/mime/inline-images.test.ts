import { describe, expect, it } from 'vitest';
import { htmlWithInlineImages, MAX_INLINE_IMAGE_BYTES, type InlineImage } from '../../../src-main/mime/inline-images';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('htmlWithInlineImages', () => {
  it('replaces cid: references with data: URLs', () => {
    const images = new Map<string, InlineImage>([['logo@example.test', { contentType: 'image/png', data: PNG }]]);
    const html = '<img src="cid:logo@example.test" alt="logo"><img src=\'CID:logo@example.test\'>';
    const url = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(htmlWithInlineImages(html, images)).toBe(`<img src="${url}" alt="logo"><img src='${url}'>`);
  });

  it('matches URL-encoded references (RFC 2392)', () => {
    const images = new Map<string, InlineImage>([['part 1@x', { contentType: 'image/gif', data: Buffer.from('GIF89a') }]]);
    expect(htmlWithInlineImages('<img src="cid:part%201@x">', images)).toBe(`<img src="data:image/gif;base64,${Buffer.from('GIF89a').toString('base64')}">`);
  });

  it('leaves unknown, oversized and non-raster references as cid: links', () => {
    const images = new Map<string, InlineImage>([
      ['big', { contentType: 'image/jpeg', data: Buffer.alloc(MAX_INLINE_IMAGE_BYTES + 1) }],
      ['svg', { contentType: 'image/svg+xml', data: Buffer.from('<svg onload="alert(1)"/>') }],
      ['page', { contentType: 'text/html', data: Buffer.from('<script>alert(1)</script>') }],
    ]);
    const html = '<img src="cid:missing"><img src="cid:big"><img src="cid:svg"><iframe src="cid:page">';
    expect(htmlWithInlineImages(html, images)).toBe(html);
  });
});
