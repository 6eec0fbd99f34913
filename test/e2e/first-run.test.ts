import { existsSync, statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

describe('web mode: first run', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the first-run account form, in English and in Chinese', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(app.url);
    // waitFor, not isVisible: the page's script may not have rendered yet when goto returns (a CI failure).
    await page.getByRole('heading', { name: 'Welcome to Wren' }).waitFor();
    await page.getByTestId('setup-discover-email').waitFor();
    const shot = await screenshot(page, 'first-run-en');
    expect(statSync(shot).size).toBeGreaterThan(5_000);
    expect(errors, errors.join('\n')).toEqual([]);

    const zh = await browser.newPage({ locale: 'zh-CN' });
    await zh.goto(app.url);
    await zh.getByRole('heading', { name: '欢迎使用 Wren' }).waitFor();
    await screenshot(zh, 'first-run-zh');
    expect(existsSync(shot)).toBe(true);
  });

  it('turns away a browser without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(app.url.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
  });
});
