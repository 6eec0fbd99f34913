import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../lab/fixtures';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Runs in the page (the tests' own TypeScript has no DOM library).
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

/** Web mode against the lab: the settings screen changes theme and language live, and settings.json follows. */
describe('web mode: settings', () => {
  const web = webSession({ page: { colorScheme: 'light', viewport: { width: 1400, height: 850 } } });

  const theme = () => web.page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => web.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const saved = () => JSON.parse(readFileSync(join(web.app.dataDir, 'settings.json'), 'utf8')) as { app: Record<string, unknown>; accounts: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    const alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: `Settings test ${n}`, to: alice.email })));
    await web.lab.seed(alice.email, 'INBOX', ['big5.eml', 'iso-2022-jp.eml', 'attachment-pdf.eml'].map((name) => readFileSync(join(FIXTURES_DIR, name))));
    await addLabAccount(web.page, web.app.url, web.lab, alice);
    await web.page.getByTestId('message-row').nth(2).waitFor();
  });

  it('switches to the dark theme at once, and back', async () => {
    expect(await theme()).toBe('light');
    const light = await background();
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings').waitFor();
    await screenshot(web.page, 'settings-light-en');
    await web.page.getByTestId('settings-theme').selectOption('dark');
    await web.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await background()).not.toBe(light);
    await screenshot(web.page, 'settings-dark-en');
    expect(saved().app.theme).toBe('dark');
  });

  it('switches the language to Chinese at once; the whole window follows', async () => {
    await web.page.getByTestId('settings-language').selectOption('zh');
    await web.page.getByRole('heading', { name: '设置' }).waitFor();
    await web.page.getByRole('heading', { name: '常规' }).waitFor();
    await screenshot(web.page, 'settings-dark-zh');
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('open-settings').filter({ hasText: '设置' }).waitFor();
    await screenshot(web.page, 'mail-dark-zh');
    expect(saved().app.language).toBe('zh');
  });

  it('dark and in Chinese, reads Big5, ISO-2022-JP and a Chinese-named attachment in a 1000×700 window', async () => {
    await web.page.setViewportSize({ width: 1000, height: 700 });
    const open = async (subject: string, text: string) => {
      await web.page.getByTestId('message-row').filter({ hasText: subject }).click();
      await web.page.getByTestId('message-subject').filter({ hasText: subject }).waitFor();
      await web.page.getByTestId('message-text').filter({ hasText: text }).waitFor();
    };
    await open('訂單出貨通知', '您的訂單已經出貨');
    await open('会議のお知らせ', '明日の会議は午後三時からです');
    await open('Quarterly report (PDF attached)', 'Please find the report attached.');
    const attachments = web.page.getByTestId('attachments');
    await attachments.filter({ hasText: '报告.pdf' }).waitFor();
    expect(await attachments.textContent()).toContain('附件');
    // The file name, its size and the Save button all fit in the narrow reading pane.
    const pane = (await web.page.getByTestId('reading-pane').boundingBox())!;
    const save = (await attachments.getByRole('button', { name: '保存' }).boundingBox())!;
    expect(save.x + save.width).toBeLessThanOrEqual(pane.x + pane.width);
    // And the name shows whole, not cut down to its ellipsis by its type and size beside it.
    expect(await attachments.getByTestId('attachment-name').evaluate((name) => name.scrollWidth <= name.clientWidth && name.clientWidth > 0)).toBe(true);
    await screenshot(web.page, 'reading-dark-zh-narrow');
    await web.page.setViewportSize({ width: 1400, height: 850 });
  });

  it('keeps the choices after a reload, as they live in settings.json', async () => {
    await web.page.reload();
    await web.page.getByTestId('message-row').first().waitFor();
    await web.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await web.page.getByTestId('open-settings').filter({ hasText: '设置' }).waitFor();
  });

  it('saves an account\'s check interval, and follows the system theme when asked', async () => {
    await web.page.getByTestId('open-settings').click();
    const interval = web.page.locator('[data-testid$="-interval"]').first();
    await interval.fill('15');
    await expect.poll(() => Object.values(saved().accounts)[0]?.checkIntervalMinutes).toBe(15);
    await web.page.getByTestId('settings-theme').selectOption('system');
    await web.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await web.page.getByTestId('settings-language').selectOption('en');
    await web.page.getByRole('heading', { name: 'Settings' }).waitFor();
    await screenshot(web.page, 'settings-system-en');
  });
});
