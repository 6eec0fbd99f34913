// @vitest-environment jsdom
// jsdom, not happy-dom: the slices go through DOMPurify, which does not support happy-dom.
import { describe, expect, it } from 'vitest';
import { FIRST_SLICE_CHARS, htmlPrefix, nextSliceLimit } from '../../../src-renderer/components/HtmlBody/html-slice';
import { sanitizeMailHtml } from '../../../src-renderer/components/HtmlBody/sanitize-mail-html';

describe('htmlPrefix', () => {
  it('returns short mail whole', () => {
    expect(htmlPrefix('<p>short</p>', FIRST_SLICE_CHARS)).toBe('<p>short</p>');
  });

  it('cuts long mail just after a tag, within the limit', () => {
    const html = '<p>one</p><p>two words</p><p>three</p>';
    expect(htmlPrefix(html, 20)).toBe('<p>one</p><p>');
    expect(htmlPrefix(html, html.length - 1)).toBe('<p>one</p><p>two words</p><p>');
  });

  it('leaves nothing that loads when the cut lands inside an attribute', () => {
    // The cut falls after the ">" inside the quoted URL: the img tag is left open at the end.
    const html = `<p>before</p><img src="https://evil.example/?a>b"><p>${'after '.repeat(50)}</p>`;
    const prefix = htmlPrefix(html, html.indexOf('b"') + 1);
    expect(prefix.endsWith('?a>')).toBe(true);
    const result = sanitizeMailHtml(prefix, { allowRemote: true });
    expect(result.html).toContain('before');
    expect(result.html).not.toContain('evil.example');
  });

  it('reaches 5 MB in three steps after the first slice', () => {
    let limit = FIRST_SLICE_CHARS;
    let steps = 0;
    while (limit < 5 * 1024 * 1024) {
      limit = nextSliceLimit(limit);
      steps += 1;
    }
    expect(steps).toBe(3);
  });
});
