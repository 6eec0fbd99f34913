// @vitest-environment jsdom
// jsdom, not happy-dom: HtmlBody runs DOMPurify, which does not support happy-dom.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HtmlBody } from '../../../src-renderer/components/HtmlBody';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const MAIL = '<p>Hi</p><img src="https://tracker.example/p.gif"><script>alert(1)</script>';
const frame = () => screen.getByTestId('html-body') as HTMLIFrameElement;

describe('HtmlBody', () => {
  it('renders sanitized mail in a frame that may run no scripts and submit no forms', () => {
    renderWithClient(<HtmlBody html={MAIL} />, new FakeClient());
    // allow-same-origin lets Wren's page hear the keys pressed in it; never with allow-scripts.
    expect(frame().getAttribute('sandbox')).toBe('allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    const srcDoc = frame().getAttribute('srcdoc') ?? '';
    expect(srcDoc).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'"`);
    expect(srcDoc).toContain('<p>Hi</p>');
    expect(srcDoc).not.toContain('<script');
    expect(srcDoc).not.toContain('tracker.example');
  });

  it('offers to load blocked remote content, and then keeps https images', () => {
    renderWithClient(<HtmlBody html={MAIL} />, new FakeClient());
    expect(screen.getByTestId('remote-blocked').textContent).toContain('Remote content was blocked to protect your privacy.');
    fireEvent.click(screen.getByText('Load remote content'));
    const srcDoc = frame().getAttribute('srcdoc') ?? '';
    expect(srcDoc).toContain('src="https://tracker.example/p.gif"');
    expect(srcDoc).toContain('img-src data: https:;');
    expect(srcDoc).not.toContain('<script');
    expect(screen.queryByTestId('remote-blocked')).toBeNull();
  });

  it('shows no bar when nothing remote was blocked', () => {
    renderWithClient(<HtmlBody html="<p>plain</p>" />, new FakeClient(), 'zh');
    expect(screen.queryByTestId('remote-blocked')).toBeNull();
    expect(frame().getAttribute('title')).toBe('邮件正文');
  });

  it('renders only the first slice of a very long mail, and the rest when asked', async () => {
    const row = (n: number) => `<tr><td><h2>Article ${n}</h2><img src="https://img.example/${n}.png"></td></tr>`;
    const html = `<table>${Array.from({ length: 4_500 }, (_, n) => row(n)).join('')}</table><p>THE END</p>`;
    renderWithClient(<HtmlBody html={html} />, new FakeClient());
    const first = frame().getAttribute('srcdoc') ?? '';
    expect(first).toContain('Article 0');
    expect(first).not.toContain('THE END');
    expect(first.length).toBeLessThan(html.length / 2);
    expect(screen.getByTestId('html-partial').textContent).toMatch(/showing its first 256 KB of \d+ KB/);
    fireEvent.click(screen.getByTestId('show-rest'));
    expect(screen.getByTestId('html-partial').textContent).toMatch(/Preparing the rest of the message… \d+%/);
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toContain('THE END'), { timeout: 50_000 });
    const whole = frame().getAttribute('srcdoc') ?? '';
    expect(whole.match(/Article \d+/g)).toHaveLength(4_500);
    expect(screen.queryByTestId('html-partial')).toBeNull();
  }, 60_000); // jsdom parses a few hundred KB slowly on a loaded machine

  it('shows short mail whole, with no partial notice', () => {
    renderWithClient(<HtmlBody html="<p>short</p>" />, new FakeClient());
    expect(screen.queryByTestId('html-partial')).toBeNull();
  });
});
