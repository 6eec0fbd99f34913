import { describe, expect, it } from 'vitest';
import { forwardBody, replyBody } from '../../../src-main/compose/quote-original';
import { withSignatureHtml } from '../../../src-main/compose/signature-html';

const ALICE = '<div data-signature="">-- <br>Alice<br>Sales &amp; Support</div>';

describe('HTML answers and forwards get the identity\'s signature (core)', () => {
  it('puts it below the line to write on and above the quoted original, as plain text does', () => {
    const body = replyBody({ from: { name: 'Ann', address: 'ann@example.test' }, date: Date.UTC(2026, 0, 5), text: 'Hi', isHtml: true }, 'en');
    const html = withSignatureHtml(body.html!, 'Alice\nSales & Support');
    expect(html.startsWith(`<p><br></p>${ALICE}<div data-quoted=""><p>`)).toBe(true);
    expect(html).toContain('<blockquote type="cite">Hi</blockquote></div>');
    expect(withSignatureHtml(body.html!, null)).toBe(body.html);
  });

  it('does the same for an HTML forward', () => {
    const body = forwardBody({ from: { name: 'Ann', address: 'ann@example.test' }, to: [], cc: [], date: Date.UTC(2026, 0, 5), subject: 'S', text: 'Hi', isHtml: true }, 'en');
    expect(withSignatureHtml(body.html!, 'Alice\nSales & Support').startsWith(`<p><br></p>${ALICE}<div data-quoted=""><p>---------- Forwarded message`)).toBe(true);
  });
});
