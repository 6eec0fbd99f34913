import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

// Runs in the page (the tests' own TypeScript has no DOM library).
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

/** Web mode against the lab: the settings screen changes theme and language live, and settings.json follows. */
describe('web mode: settings', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const saved = () => JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { app: Record<string, unknown>; accounts: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: `Settings test ${n}`, to: alice.email })));
    app = await startWebApp();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1400, height: 850 } });
    page = await context.newPage();
    await addLabAccount(page, app.url, lab, alice);
    await page.getByTestId('message-row').nth(2).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('switches to the dark theme at once, and back', async () => {
    expect(await theme()).toBe('light');
    const light = await background();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings').waitFor();
    await screenshot(page, 'settings-light-en');
    await page.getByTestId('settings-theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await background()).not.toBe(light);
    await screenshot(page, 'settings-dark-en');
    expect(saved().app.theme).toBe('dark');
  });

  it('switches the language to Chinese at once; the whole window follows', async () => {
    await page.getByTestId('settings-language').selectOption('zh');
    await page.getByRole('heading', { name: '设置' }).waitFor();
    await page.getByRole('heading', { name: '常规' }).waitFor();
    await screenshot(page, 'settings-dark-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('open-settings').filter({ hasText: '设置' }).waitFor();
    await screenshot(page, 'mail-dark-zh');
    expect(saved().app.language).toBe('zh');
  });

  it('keeps the choices after a reload, as they live in settings.json', async () => {
    await page.reload();
    await page.getByTestId('message-row').first().waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.getByTestId('open-settings').filter({ hasText: '设置' }).waitFor();
  });

  it('saves an account\'s check interval, and follows the system theme when asked', async () => {
    await page.getByTestId('open-settings').click();
    const interval = page.locator('[data-testid$="-interval"]').first();
    await interval.fill('15');
    await expect.poll(() => Object.values(saved().accounts)[0]?.checkIntervalMinutes).toBe(15);
    await page.getByTestId('settings-theme').selectOption('system');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await page.getByTestId('settings-language').selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await screenshot(page, 'settings-system-en');
  });
});
