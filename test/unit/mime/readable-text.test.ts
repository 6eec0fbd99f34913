import { describe, expect, it } from 'vitest';
import { readableText } from '../../../src-main/mime/readable-text';

describe('readableText (the plain-text view of an HTML body)', () => {
  it('keeps the words and the links\' addresses, leaves out styles, scripts and images, and puts each table cell on a line', () => {
    const html = [
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>',
      '<h2>Weekly News</h2><p>Hello <b>there</b></p>',
      '<p><a href="https://x.example/a">the page</a> and <a href="https://y.example/">https://y.example/</a></p>',
      '<img src="https://tracker.example/p.gif" alt="pixel">',
      '<ul><li>one</li><li>两</li></ul>',
      '<table><tr><td>会议</td><td>三楼</td></tr></table>',
      '</body></html>',
    ].join('');
    const text = readableText(html);
    expect(text).toBe('Weekly News\n\nHello there\n\nthe page <https://x.example/a> and https://y.example/\n\n * one\n * 两\n\n会议\n三楼');
    expect(text).not.toContain('tracker.example');
  });
});
