import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const NEWSLETTER = [
  'From: Weekly <news@example.org>', 'To: Alice <alice@example.test>', 'Subject: Weekly news', 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <weekly-find@example.org>', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '',
  '<html><body><p>Three things happened on the <b>web</b> this week.</p><p><a href="https://example.org/read">Read it on the web</a></p></body></html>', '',
].join('\r\n');

const MINUTES = [
  'From: 张伟 <zhang@example.test>', 'To: Alice <alice@example.test>', 'Subject: 会议纪要', 'Date: Wed, 02 Dec 2026 09:00:00 +0000',
  'Message-ID: <minutes-find@example.test>', 'Content-Type: text/plain; charset=utf-8', '', '明天下午三点开会。', '会议室在三楼。', '',
].join('\r\n');

/** The highlights Find marks in the mail's frame (CSS Custom Highlight API), counted. */
type FrameWindow = { contentWindow: { CSS: { highlights: Map<string, Set<unknown>> } } };

/** Thunderbird's Find in This Message (Ctrl+F): in an HTML mail's frame and in a plain-text mail. */
describe('web mode: find in this message', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const count = () => web.page.getByTestId('find-count').textContent();
  /** Ctrl+F, then waits until the box has the focus: the bar gives it in an effect after it first paints. */
  const openFindBar = async () => {
    await web.page.keyboard.press('Control+f');
    await expect.poll(() => web.page.getByTestId('find-input').evaluate((box) => box === box.ownerDocument.activeElement)).toBe(true);
  };
  const marked = () => web.page.locator('.reading-pane iframe').evaluate((frame) => (frame as unknown as FrameWindow).contentWindow.CSS.highlights.get('wren-find')?.size ?? 0);

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [NEWSLETTER, MINUTES]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Weekly news').waitFor();
  });

  it('Ctrl+F marks the matches in an HTML mail; Enter and Shift+Enter walk them, Escape clears them', async () => {
    await row('Weekly news').click();
    await web.page.locator('.reading-pane iframe').waitFor();
    await openFindBar();
    await web.page.keyboard.type('web');
    await expect.poll(count).toBe('1 of 2');
    expect(await marked()).toBe(2);
    await web.page.keyboard.press('Enter');
    await expect.poll(count).toBe('2 of 2');
    await screenshot(web.page, 'find-in-message-en');
    await web.page.keyboard.press('Shift+Enter');
    await expect.poll(count).toBe('1 of 2');
    await web.page.getByTestId('find-input').fill('nowhere');
    await expect.poll(count).toBe('No match');
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('find-bar').waitFor({ state: 'detached' });
    expect(await marked()).toBe(0);
  });

  it('finds Chinese in a plain-text mail, in Chinese words', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await row('会议纪要').click();
    await web.page.getByTestId('message-text').waitFor();
    await openFindBar();
    await web.page.keyboard.type('会');
    await expect.poll(count).toBe('第 1 个，共 2 个');
    await screenshot(web.page, 'find-in-message-zh');
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('language').selectOption('en');
  });
});
