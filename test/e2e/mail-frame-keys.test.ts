import { beforeAll, describe, expect, it } from 'vitest';
import { mailDocument } from '../../src-renderer/components/HtmlBody/mail-document';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Runs in the page: its globals, typed as far as used (tests type-check without the DOM library).
interface FakeElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  focus(): void;
  click(): void;
  contentDocument: FakeDocument | null;
  addEventListener(type: string, listener: () => void): void;
  value: string;
  textContent: string | null;
}
interface FakeDocument {
  title: string;
  body: FakeElement & { innerHTML: string; dataset: Record<string, string | undefined>; appendChild(node: FakeElement): void };
  activeElement: FakeElement | null;
  querySelector(selector: string): FakeElement | null;
  createElement(name: string): FakeElement;
  getSelection(): { toString(): string } | null;
}
declare const document: FakeDocument;
declare const window: { wrenScriptRan?: string };
declare const navigator: { clipboard: { readText(): Promise<string> } };

// Its own document first: in a frame of another origin, the write to the parent throws.
const MARK_SCRIPT = 'document.body.dataset.ran = "same-origin script"; parent.wrenScriptRan = "same-origin script";';

const NEWSLETTER = 'Weekly newsletter';
const HOSTILE = 'Hostile mail';
const PLAIN = 'Plain note';

/**
 * Each tries to leave a mark in Wren's page or in its own document; none may.
 * The relative script resolves against Wren's own page, so the page's CSP
 * (script-src 'self') lets it through: only the sandbox (and the frame's own CSP)
 * stand in its way. The test serves it (MARK_SCRIPT).
 */
const HOSTILE_HTML =
  '<p id="hostile">Nothing here may run.</p>' +
  '<script src="wren-test-mark.js"></script>' +
  '<script>parent.document.title = "script ran"; parent.wrenScriptRan = "script"; document.body.dataset.ran = "script";</script>' +
  '<img src="data:," onerror="parent.wrenScriptRan = \'onerror\'; document.body.dataset.ran = \'onerror\'">' +
  '<svg onload="parent.wrenScriptRan = \'svg\'"></svg>' +
  '<a id="js-link" href="javascript:parent.wrenScriptRan=\'link\'">a javascript: link</a>';

function htmlMessage(n: number, subject: string, html: string): string {
  const date = new Date(Date.UTC(2025, 0, 1) + n * 1000).toUTCString().replace('GMT', '+0000');
  return [
    'From: News <news@example.test>',
    'To: bob@example.test',
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <frame-keys-${n}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(`<html><body>${html}</body></html>`, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n'),
    '',
  ].join('\r\n');
}

/**
 * The mail's frame is another document: before, a key pressed after a click
 * into the body never reached Wren. Now Wren's page hears it (the frame has
 * allow-same-origin, still no allow-scripts), and nothing in the mail runs.
 */
describe('web mode: shortcuts with the focus in an HTML mail', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 800 } } });
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const mailFrame = () => web.page.frameLocator('[data-testid="html-body"]');
  const selectedSubject = () => web.page.locator('[data-testid="message-row"][aria-selected="true"]').textContent();
  const focusIsInFrame = () => web.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [
      simpleMessage(1, { subject: PLAIN }),
      htmlMessage(2, HOSTILE, HOSTILE_HTML),
      htmlMessage(3, NEWSLETTER, '<h1>News of the week</h1><p id="lead">Select this sentence and copy it.</p><p><a href="https://example.org/read">Read on the web</a> <a href="more.html">a relative link</a></p>'),
    ]);
    await web.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(web.app.url).origin });
    await addLabAccount(web.page, web.app.url, web.lab, bob);
    await row(PLAIN).waitFor();
  });

  it('flags and moves to the next message with keys pressed after a click into the body', async () => {
    await row(NEWSLETTER).click();
    await mailFrame().locator('#lead').click();
    expect(await focusIsInFrame()).toBe('html-body');
    await web.page.keyboard.press('s');
    await row(NEWSLETTER).getByTitle('Starred').waitFor();
    await screenshot(web.page, 'frame-keys-flagged-from-body');

    await web.page.keyboard.press('j');
    await web.page.getByTestId('message-subject').filter({ hasText: HOSTILE }).waitFor();
    expect(await selectedSubject()).toContain(HOSTILE);
    // Again from inside the next mail's body: back up with k.
    await mailFrame().locator('#hostile').click();
    await web.page.keyboard.press('k');
    await web.page.getByTestId('message-subject').filter({ hasText: NEWSLETTER }).waitFor();
    await screenshot(web.page, 'frame-keys-moved-back');
    // The help takes the keys while open and gives the focus back to the body when closed.
    await mailFrame().locator('#lead').click();
    await web.page.keyboard.press('?');
    await web.page.getByTestId('shortcut-help').waitFor();
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('shortcut-help').waitFor({ state: 'detached' });
    expect(await focusIsInFrame()).toBe('html-body');
  });

  it('keeps Ctrl+A and Ctrl+C for the text selected in the body', async () => {
    await mailFrame().locator('#lead').click({ clickCount: 3 }); // the whole paragraph
    await web.page.keyboard.press('Control+c');
    expect((await web.page.evaluate(() => navigator.clipboard.readText())).trim()).toBe('Select this sentence and copy it.');
    await web.page.keyboard.press('Control+a');
    const selected = await web.page.evaluate(() => document.querySelector('[data-testid="html-body"]')?.contentDocument?.getSelection()?.toString() ?? '');
    expect(selected).toContain('News of the week');
    expect(await web.page.getByTestId('selection-summary').count()).toBe(0); // not every message
    await screenshot(web.page, 'frame-keys-select-all-in-body');
  });

  it('lets keys typed into a field in the mail stay there', async () => {
    // The sanitizer removes fields from mail; one is put in afterwards to stand for what it might miss.
    await web.page.evaluate(() => {
      const frameDocument = document.querySelector('[data-testid="html-body"]')!.contentDocument!;
      const field = frameDocument.createElement('input');
      field.setAttribute('id', 'typed');
      frameDocument.body.appendChild(field);
      const editable = frameDocument.createElement('div');
      editable.setAttribute('id', 'editable');
      editable.setAttribute('contenteditable', 'true');
      frameDocument.body.appendChild(editable);
    });
    await mailFrame().locator('#typed').click();
    await web.page.keyboard.type('jsk');
    await mailFrame().locator('#editable').click();
    await web.page.keyboard.type('e#');
    expect(await mailFrame().locator('#typed').inputValue()).toBe('jsk');
    expect(await mailFrame().locator('#editable').textContent()).toBe('e#');
    expect(await selectedSubject()).toContain(NEWSLETTER);
    await expect.poll(() => row(NEWSLETTER).getByTitle('Starred').count()).toBe(1);
    await screenshot(web.page, 'frame-keys-typed-in-mail');
  });

  it('opens web links outside, drops links that would lead into Wren, and sends no Referer', async () => {
    const requested: { url: string; referer: string | undefined }[] = [];
    await web.context.route('https://example.org/**', async (route) => {
      requested.push({ url: route.request().url(), referer: route.request().headers().referer });
      await route.fulfill({ status: 200, contentType: 'text/html', body: 'the web' });
    });
    const popup = web.page.waitForEvent('popup');
    await mailFrame().getByText('Read on the web').click();
    await (await popup).close();
    expect(requested).toEqual([{ url: 'https://example.org/read', referer: undefined }]);
    expect(await mailFrame().getByText('a relative link').getAttribute('href')).toBeNull();
  });

  it('runs no script of the mail, whether the sanitizer removed it or not', async () => {
    await web.context.route('**/wren-test-mark.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: MARK_SCRIPT }));
    await row(HOSTILE).click();
    await mailFrame().locator('#hostile').waitFor();
    await mailFrame().locator('#js-link').click();
    const marks = () =>
      web.page.evaluate(() => ({
        page: window.wrenScriptRan ?? null,
        title: document.title.includes('script ran'),
        frame: document.querySelector('[data-testid="html-body"]')?.contentDocument?.body.dataset.ran ?? null,
      }));
    expect(await marks()).toEqual({ page: null, title: false, frame: null });

    // The same mail put into a frame with the app's sandbox without the sanitizer, and without the frame's own CSP.
    const sandbox = await web.page.getByTestId('html-body').getAttribute('sandbox');
    expect(sandbox).not.toContain('allow-scripts');
    for (const srcdoc of [mailDocument(HOSTILE_HTML, true), `<body>${HOSTILE_HTML}</body>`]) {
      await web.page.evaluate(
        ({ sandbox: flags, srcdoc: html }) =>
          new Promise<void>((loaded) => {
            const frame = document.createElement('iframe');
            frame.setAttribute('sandbox', flags!);
            frame.setAttribute('data-testid', 'raw-frame');
            frame.addEventListener('load', () => loaded());
            frame.setAttribute('srcdoc', html);
            document.body.appendChild(frame);
          }),
        { sandbox, srcdoc },
      );
      await web.page.frameLocator('[data-testid="raw-frame"]').locator('#js-link').click();
      const raw = await web.page.evaluate(() => document.querySelector('[data-testid="raw-frame"]')?.contentDocument?.body.dataset.ran ?? null);
      expect(raw).toBeNull();
      expect(await marks()).toEqual({ page: null, title: false, frame: null });
      await web.page.evaluate(() => document.querySelector('[data-testid="raw-frame"]')?.setAttribute('data-testid', 'raw-frame-done'));
    }
    await screenshot(web.page, 'frame-keys-hostile-mail');
  });
});
