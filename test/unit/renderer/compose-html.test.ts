// @vitest-environment jsdom
// DOMPurify does not support happy-dom, so the sanitizer is tested against jsdom (as sanitize-mail-html.test.ts is).
import { describe, expect, it } from 'vitest';
import { editorHtml, messageHtml, textToEditorHtml } from '../../../src-renderer/components/Composer/compose-html';

describe('the HTML a composed message carries', () => {
  it('keeps simple formatting and drops scripts, handlers, styles and unknown tags', () => {
    const html = messageHtml('<p onclick="x()">Hi <b>bold</b> <i>it</i></p><script>alert(1)</script><ul><li>one</li></ul><iframe src="https://x"></iframe><p style="color:red">s</p>');
    expect(html).toBe('<p>Hi <b>bold</b> <i>it</i></p><ul><li>one</li></ul><p>s</p>');
  });

  it('keeps http(s) and mailto links only', () => {
    expect(messageHtml('<a href="https://example.com">a</a><a href="javascript:alert(1)">b</a><a href="mailto:x@y.org">c</a>')).toBe(
      '<a href="https://example.com">a</a><a>b</a><a href="mailto:x@y.org">c</a>',
    );
  });

  it('turns a pasted image preview into its inline part (cid:) and drops images from elsewhere', () => {
    const html = messageHtml('<img src="data:image/png;base64,AAAA" data-cid="abc@wren" alt=""><img src="https://tracker.example/p.gif">');
    expect(html).toBe('<img src="cid:abc@wren" alt="">');
  });

  it('reopens a draft in the editor without its remote images, which the page would load at once and the message never carries', () => {
    // The editor is part of Wren's page, whose CSP allows https images: a draft from the server (or a received
    // mail moved to Drafts) would otherwise phone home whatever the remote content setting says.
    const html = editorHtml('<p>Hi</p><img src="https://tracker.example/p.gif" alt="t"><img src="//tracker.example/q.gif"><img src="data:image/png;base64,AAAA"><img src="cid:abc@wren">');
    expect(html).toBe('<p>Hi</p><img src="data:image/png;base64,AAAA"><img src="cid:abc@wren" data-cid="abc@wren">');
  });

  it('marks a cid: image given back to the editor with its part, so the next save still sends it (Undo, a draft reopened)', () => {
    // The outbox and a draft give the HTML as sent: `cid:` only, no data-cid.
    const shown = editorHtml('<div>Image: <img src="cid:shot%40wren" alt=""> end.</div>');
    expect(shown).toBe('<div>Image: <img src="cid:shot%40wren" alt="" data-cid="shot@wren"> end.</div>');
    expect(messageHtml(`${shown}<div>more</div>`)).toBe('<div>Image: <img src="cid:shot@wren" alt=""> end.</div><div>more</div>');
  });

  it('keeps a preview\'s part when the editor is loaded again, and still sends a bare cid: image', () => {
    const previewed = '<img src="data:image/png;base64,AAAA" data-cid="abc@wren" alt="">';
    expect(editorHtml(previewed)).toBe(previewed);
    expect(messageHtml('<img src="cid:abc@wren">')).toBe('<img src="cid:abc@wren">');
    expect(messageHtml('<img src="data:image/png;base64,AAAA">')).toBe('');
  });

  it('carries plain text into the editor escaped, line by line', () => {
    expect(textToEditorHtml('a <b>\n\nc')).toBe('<div>a &lt;b&gt;</div><div><br></div><div>c</div>');
  });
});
