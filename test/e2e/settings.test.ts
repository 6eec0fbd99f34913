import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
