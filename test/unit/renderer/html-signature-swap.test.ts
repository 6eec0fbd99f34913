// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { messageHtml, textToEditorHtml } from '../../../src-renderer/components/Composer/compose-html';
import { swapHtmlSignature } from '../../../src-renderer/components/Composer/html-signature-swap';

const ALICE = '<div data-signature="">-- <br>Alice<br>Sales &amp; Support</div>';

describe('the signature of formatted (HTML) mail when another identity is chosen', () => {
  it('replaces the marked block where it stands, keeping what was written around it', () => {
    const html = `<div>Hello <b>Ann</b></div>${ALICE}<div data-quoted=""><p>On Monday, Ann wrote:</p><blockquote type="cite">x</blockquote></div>`;
    expect(swapHtmlSignature(html, 'Alice\nSales & Support', 'Bob <b>')).toBe(
      '<div>Hello <b>Ann</b></div><div data-signature="">-- <br>Bob &lt;b&gt;</div><div data-quoted=""><p>On Monday, Ann wrote:</p><blockquote type="cite">x</blockquote></div>',
    );
  });

  it('removes the block for an identity without a signature, and puts one back above the original after', () => {
    const reply = `<p><br></p>${ALICE}<div data-quoted=""><p>Ann wrote:</p></div>`;
    const none = swapHtmlSignature(reply, 'Alice\nSales & Support', null);
    expect(none).toBe('<p><br></p><div data-quoted=""><p>Ann wrote:</p></div>');
    expect(swapHtmlSignature(none, null, 'Carol')).toBe('<p><br></p><div data-signature="">-- <br>Carol</div><div data-quoted=""><p>Ann wrote:</p></div>');
    // A new message: at the end.
    expect(swapHtmlSignature('<div>Hi</div>', null, 'Carol')).toBe('<div>Hi</div><div data-signature="">-- <br>Carol</div>');
    expect(swapHtmlSignature('<div>Hi</div>', 'Carol', 'Carol')).toBe('<div>Hi</div>');
  });

  it('keeps the marks through the sanitizer of the editor and of the message sent', () => {
    const html = `<p>Hi</p>${ALICE}<div data-quoted=""><blockquote>x</blockquote></div>`;
    expect(messageHtml(html)).toBe(html);
  });

  it('a plain message switched to formatting keeps its signature as the marked block, so the swap still finds it', () => {
    const html = textToEditorHtml('Hello\n\n-- \nAlice\n\nOn Monday, Ann wrote:\n> x', 'Alice');
    expect(html).toBe('<div>Hello</div><div><br></div><div data-signature="">-- <br>Alice</div><div><br></div><div>On Monday, Ann wrote:</div><div>&gt; x</div>');
    expect(swapHtmlSignature(html, 'Alice', 'Bob')).toContain('<div data-signature="">-- <br>Bob</div><div><br></div><div>On Monday');
    expect(textToEditorHtml('No signature', 'Alice')).toBe('<div>No signature</div>');
  });
});
