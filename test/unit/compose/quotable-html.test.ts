import { describe, expect, it } from 'vitest';
import { quotableHtml } from '../../../src-main/compose/quotable-html';
import { forwardBody, replyBody } from '../../../src-main/compose/quote-original';

describe('the HTML an answer or forward quotes', () => {
  it('keeps the simple formatting the user saw: bold, links, lists', () => {
    expect(quotableHtml('<html><head><title>T</title><style>p{color:red}</style></head><body><p>Hi <b>bold</b> <a href="https://x.example/a?b=1&amp;c=2">link</a></p><ul><li>one</li><li>two</li></ul></body></html>'))
      .toBe('<p>Hi <b>bold</b> <a href="https://x.example/a?b=1&amp;c=2">link</a></p><ul><li>one</li><li>two</li></ul>');
  });

  it('drops scripts, styles, handlers, images and links that are not http(s) or mailto', () => {
    expect(quotableHtml('<div style="position:fixed" onclick="x()">a<script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">b</a><iframe src="https://x"><p>f</p></iframe></div>'))
      .toBe('<div>a<a>b</a></div>');
  });

  it('keeps only the inline images a forward carries, by their Content-ID', () => {
    expect(quotableHtml('<p>a<img src="cid:pic%40lab" width="1"><img src="cid:other@lab"><img src="data:image/png;base64,AAAA"></p>', new Set(['pic@lab'])))
      .toBe('<p>a<img src="cid:pic@lab" alt=""></p>');
  });

  it('gives headings and tables lines of their own, and escapes text', () => {
    expect(quotableHtml('<h1>Title &lt;1&gt;</h1><table><tr><td>a</td></tr></table>x<br>y')).toBe('<div>Title &lt;1&gt;</div><div><div>a</div></div>x<br>y');
  });

  it('is quoted in a cite blockquote under the attribution, in a reply and a forward', () => {
    const original = { from: { name: 'Ann', address: 'ann@x.example' }, date: null, text: 'Hi bold', isHtml: true, html: '<p>Hi <b>bold</b></p>' };
    expect(replyBody(original, 'en').html).toBe('<p><br></p><div data-quoted=""><p>Ann &lt;ann@x.example&gt; wrote:</p><blockquote type="cite"><p>Hi <b>bold</b></p></blockquote></div>');
    expect(replyBody(original, 'en').text).toContain('> Hi bold');
    expect(forwardBody({ ...original, to: [], cc: [], subject: 'S' }, 'en').html).toContain('<div><p>Hi <b>bold</b></p></div>');
  });
});
