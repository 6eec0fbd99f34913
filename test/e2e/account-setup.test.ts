import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { readFixture } from '../lab/fixtures';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

describe('web mode: add an IMAP account through the form and read mail', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lab = await startLab();
    const bob = lab.users[1]!;
    await lab.seed(bob.email, 'INBOX', [readFixture('plain-ascii'), readFixture('gbk-subject-body'), readFixture('html-with-inline-image')]);
    await lab.seed(bob.email, 'INBOX', [readFixture('attachment-pdf')]);
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('tests the connection, shows the self-signed certificate, trusts it and saves', async () => {
    const bob = lab.users[1]!;
    await page.goto(app.url);
    await page.getByTestId('setup-manual').click();
    await page.getByTestId('setup-email').fill(bob.email);
    await page.getByTestId('setup-imap-host').fill(lab.host);
    await page.getByTestId('setup-imap-port').fill(String(lab.ports.imaps));
    await page.getByTestId('setup-user').fill(bob.email);
    await page.getByTestId('setup-password').fill(bob.password);
    expect(await page.getByTestId('setup-save').isDisabled()).toBe(true);
    await page.getByTestId('setup-test').click();
    const details = page.getByTestId('certificate-details');
    await details.waitFor();
    expect(await details.textContent()).toContain(lab.certFingerprint256);
    await screenshot(page, 'setup-untrusted-certificate');
    await page.getByTestId('setup-trust-cert').click();
    await page.getByTestId('setup-save').and(page.locator(':enabled')).waitFor();
    await page.getByTestId('setup-save').click();
    await page.getByTestId('mail-view').waitFor();
  });

  it('lists folders with unread counts and the messages, newest first', async () => {
    await page.getByTestId('folder-INBOX').waitFor();
    await page.getByTestId('message-row').nth(3).waitFor();
    expect(await page.getByTestId('message-row').count()).toBe(4);
    expect(await page.getByTestId('folder-INBOX').textContent()).toContain('4');
    expect(await page.getByTestId('message-list').textContent()).toContain('会议通知：明天下午三点开会');
  });

  it('opens a message with an attachment, marks it read, and saves the attachment', async () => {
    await page.getByTestId('message-row').filter({ hasText: 'Quarterly report' }).click();
    await page.getByTestId('message-subject').filter({ hasText: 'Quarterly report (PDF attached)' }).waitFor();
    const attachments = page.getByTestId('attachments');
    await attachments.waitFor();
    expect(await attachments.textContent()).toContain('报告.pdf');
    await page.getByTestId('folder-INBOX').filter({ hasText: '3' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid^="save-attachment-"]').first().click()]);
    expect(download.suggestedFilename()).toBe('报告.pdf');
    const saved = await download.path();
    expect(readFileSync(saved!).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'reading-attachment');
  });

  it('shows HTML mail in a sandboxed frame with its inline image', async () => {
    await page.getByTestId('message-row').filter({ hasText: 'HTML with inline image' }).click();
    const frame = page.getByTestId('html-body');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const img = page.frameLocator('[data-testid="html-body"]').locator('img');
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'reading-html');
  });

  it('shows GBK mail decoded', async () => {
    await page.getByTestId('message-row').filter({ hasText: '会议通知' }).click();
    const text = page.getByTestId('message-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('地点在三楼会议室');
  });

  it('goes offline when the server vanishes: says it cannot be reached and when Wren tries again, keeps everything readable', async () => {
    await lab.stop();
    await page.getByTestId('sync-now').click();
    const banner = page.locator('[data-testid^="account-status-"]');
    await banner.waitFor();
    const words = await banner.textContent();
    expect(words).toMatch(/Wren cannot reach the mail server of .+\. Wren tries again at /);
    expect(words).not.toMatch(/check the port/i); // setup advice, for the setup form only
    await page.getByTestId('message-row').filter({ hasText: 'Quarterly report' }).click();
    await page.getByTestId('message-subject').filter({ hasText: 'Quarterly report (PDF attached)' }).waitFor();
    expect(await page.getByTestId('message-text').textContent()).toContain('Please find the report attached.');
    expect(await page.getByTestId('message-row').count()).toBe(4);
    await screenshot(page, 'offline');
  });
});
