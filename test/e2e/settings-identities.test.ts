import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

const NEWSLETTER = [
  'From: News <news@shop.example>',
  'To: alice@example.test',
  'Subject: Newsletter with pictures',
  'Date: Wed, 02 Dec 2026 08:00:00 +0000',
  'Message-ID: <newsletter@shop.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Our offers</p><img src="https://images.shop.example/banner.png" alt="banner">',
  '',
].join('\r\n');

/**
 * Web mode against the lab: identities and signatures edited in Settings reach
 * the composer; the mark-read delay is a setting in settings.json; a toast on
 * screen follows a live language switch; the remote-content allow list is
 * built from the reading pane and trimmed in Settings.
 */
describe('web mode: identities, mark read, toasts, allow list', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  const saved = () => JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { app: Record<string, unknown> };
  /** With the dialog's close button, as a mouse user does. */
  const closeSettings = async () => {
    await page.getByTestId('settings').locator('.dialog__close').click();
    await page.getByTestId('settings').waitFor({ state: 'detached' });
  };
  const row = (subject: string) => page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [...[1, 2].map((n) => simpleMessage(n, { subject: 'Identity test', to: alice.email })), NEWSLETTER]);
    app = await startWebApp();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1400, height: 850 } });
    page = await context.newPage();
    await addLabAccount(page, app.url, lab, alice);
    await row('Identity test 1').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('adds an identity with a signature in Settings; the composer starts with that signature', async () => {
    expect(await page.getByRole('banner').getByTestId('mark-read-mode').count()).toBe(0);
    await page.getByTestId('open-settings').click();
    const editor = page.locator('[data-testid$="-identities"]');
    await editor.getByTestId('identity-row').first().waitFor();
    await editor.getByTestId('identity-add').click();
    await editor.getByTestId('identity-name').fill('Alice 销售部');
    await editor.getByTestId('identity-reply-to').fill('orders@example.test');
    await editor.getByTestId('identity-signature').fill('Alice Liddell\n销售部 · Sales');
    await editor.getByTestId('identity-default').check();
    await editor.getByTestId('identity-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-identity-form');
    await editor.getByTestId('identity-save').click();
    await expect.poll(() => editor.getByTestId('identity-row').count()).toBe(2);
    await editor.getByTestId('identity-row').nth(0).filter({ hasText: 'Alice 销售部' }).waitFor();
    await editor.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-identities');
    await closeSettings();

    await page.getByTestId('action-compose').click();
    const body = page.getByTestId('compose-body');
    await expect.poll(() => body.inputValue()).toBe('\n\n-- \nAlice Liddell\n销售部 · Sales');
    await screenshot(page, 'composer-signature');
    // The other identity has no signature: choosing it takes the signature away, choosing back puts it again.
    const from = page.getByTestId('compose-from');
    const options = await from.locator('option').allTextContents();
    await from.selectOption({ label: options.find((label) => !label.includes('销售部'))! });
    await expect.poll(() => body.inputValue()).toBe('');
    await from.selectOption({ label: options.find((label) => label.includes('销售部'))! });
    await expect.poll(() => body.inputValue()).toBe('\n\n-- \nAlice Liddell\n销售部 · Sales');
    await page.getByTestId('compose-discard').click();
    await page.getByTestId('composer').waitFor({ state: 'detached' });
  });

  it('changes the mark-read delay in Settings, saved in settings.json', async () => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('mark-read-delay').fill('5');
    await expect.poll(() => saved().app.markRead).toEqual({ mode: 'delay', delaySeconds: 5 });
    await page.getByTestId('mark-read-mode').selectOption('never');
    await expect.poll(() => saved().app.markRead).toEqual({ mode: 'never', delaySeconds: 5 });
    await closeSettings();
  });

  it('a toast on screen is worded again in Chinese when the language is switched', async () => {
    await row('Identity test 2').click();
    await page.getByTestId('action-delete').click();
    await page.getByTestId('toast').filter({ hasText: 'Message moved to Trash.' }).waitFor();
    await page.getByRole('banner').getByTestId('language').selectOption('zh');
    await page.getByTestId('toast').filter({ hasText: '邮件已移到“已删除”。' }).waitFor();
    await page.getByTestId('toast-undo').filter({ hasText: '撤销' }).waitFor();
    await screenshot(page, 'toast-zh');
    await page.getByRole('banner').getByTestId('language').selectOption('en');
  });

  it('"Always load from" in the reading pane puts the sender on the allow list; Settings lists and removes it', async () => {
    await row('Newsletter with pictures').click();
    await page.getByTestId('remote-blocked').waitFor();
    await page.getByTestId('load-remote-always').click();
    await expect.poll(() => saved().app.remoteContentSenders).toEqual(['news@shop.example']);
    await page.getByTestId('remote-blocked').waitFor({ state: 'detached' });
    await page.getByTestId('open-settings').click();
    const senders = page.getByTestId('settings-senders');
    await senders.filter({ hasText: 'news@shop.example' }).waitFor();
    await senders.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-allow-list');
    await senders.getByRole('button').click();
    await expect.poll(() => saved().app.remoteContentSenders).toEqual([]);
  });
});
