import type { Frame } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const message = (subject: string, type: string, body: string, id: string) =>
  [`From: Bob <bob@example.test>`, 'To: Alice <alice@example.test>', `Subject: ${subject}`, 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
    `Message-ID: <${id}@example.test>`, `Content-Type: ${type}; charset=utf-8`, '', body, ''].join('\r\n');

/**
 * Selects `text` inside the first element matching `selector` that holds it, in the page or in a mail's frame, as a
 * user's drag over it does. Written as the page's own script (tests type-check without the DOM library).
 */
async function selectText(target: Frame, selector: string, text: string): Promise<void> {
  const found = await target.evaluate(`(() => {
    const [selector, text] = ${JSON.stringify([selector, text])};
    const holder = [...document.querySelectorAll(selector)].find((element) => element.textContent.includes(text));
    const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
      return true;
    }
    return false;
  })()`);
  expect(found).toBe(true);
}

/** Thunderbird's default (mail.reply_quote_selection): text selected in the message is what the reply quotes. */
describe('web mode: a reply quotes the selected text', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [
      message('Meeting notes', 'text/plain', 'Budget is approved.\r\nHiring starts in March.\r\nTravel is frozen.', 'notes'),
      message('Venue ideas', 'text/html', '<p>Alpha: the old mill.</p><p>Beta: the rooftop bar.</p>', 'venue'),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Venue ideas').waitFor();
  });

  it('in a plain text message, by the key; with nothing selected, the whole message', async () => {
    await row('Meeting notes').click();
    await web.page.getByText('Hiring starts in March.').waitFor();
    await selectText(web.page.mainFrame(), '[data-testid="message-text"]', 'Hiring starts in March.');
    await web.page.keyboard.press('r');
    const body = web.page.getByTestId('compose-body');
    await expect.poll(() => body.inputValue()).toMatch(/wrote:\n> Hiring starts in March\.\n$/);
    expect(await body.inputValue()).not.toContain('Budget');
    await screenshot(web.page, 'reply-quote-selection');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });

    await web.page.evaluate('document.getSelection().removeAllRanges()');
    await web.page.getByTestId('action-reply').click();
    await expect.poll(() => body.inputValue()).toContain('> Budget is approved.\n> Hiring starts in March.\n> Travel is frozen.');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
  });

  it('in an HTML message, selected in its frame, from the toolbar', async () => {
    await row('Venue ideas').click();
    const frame = await (await web.page.getByTestId('html-body').elementHandle())!.contentFrame();
    await frame!.getByText('Beta: the rooftop bar.').waitFor();
    await selectText(frame!, 'p', 'the rooftop bar');
    await web.page.getByTestId('action-reply').click();
    const editor = web.page.locator('.rich-text [contenteditable]');
    await expect.poll(() => editor.innerText()).toContain('the rooftop bar');
    expect(await editor.innerText()).not.toContain('old mill');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
  });
});
