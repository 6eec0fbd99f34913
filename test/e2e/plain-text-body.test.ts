import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** HTML only, with a remote image (a tracker) and a link. */
const NEWSLETTER = [
  'From: Weekly <news@example.org>', 'To: Alice <alice@example.test>', 'Subject: 本周新闻 Weekly news', 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <weekly@example.org>', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '',
  '<html><body><h1 style="color:#c00">本周新闻</h1><p>Three things <b>happened</b>.</p>',
  '<p><a href="https://example.org/read">Read it on the web</a></p><img src="https://tracker.example/p.gif" width="1" height="1"></body></html>', '',
].join('\r\n');

/** Thunderbird's View ▸ Message Body As: the setting, and one message switched the other way from the reading pane. */
describe('web mode: message bodies as plain text', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [NEWSLETTER]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Weekly news').waitFor();
  });

  it('an HTML mail switches to plain text and back from the reading pane: no frame, the link\'s address written out', async () => {
    await row('Weekly news').click();
    await web.page.locator('.reading-pane iframe').first().waitFor();
    await web.page.getByTestId('toggle-body-as').click();
    const text = web.page.getByTestId('message-text');
    await expect.poll(() => text.textContent()).toContain('Read it on the web <https://example.org/read>');
    expect(await text.textContent()).toContain('Three things happened.');
    expect(await web.page.locator('.reading-pane iframe').count()).toBe(0);
    expect(await web.page.getByTestId('toggle-body-as').textContent()).toBe('Show the original HTML');
    await screenshot(web.page, 'body-plain-en');
    await web.page.getByTestId('toggle-body-as').click();
    await web.page.locator('.reading-pane iframe').first().waitFor();
  });

  it('set in Settings, every HTML mail opens as text, in Chinese too', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-body-as').selectOption('plain');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    // The message open was switched by hand just before, and stays so while open: open it anew.
    await web.page.reload();
    await row('Weekly news').click();
    await expect.poll(() => web.page.getByTestId('message-text').textContent()).toContain('本周新闻');
    expect(await web.page.getByTestId('toggle-body-as').textContent()).toBe('显示原始 HTML');
    await screenshot(web.page, 'body-plain-zh');
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-body-as').selectOption('html');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('language').selectOption('en');
  });
});
