import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../lab/fixtures';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: add an IMAP account through the form and read mail', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 }, acceptDownloads: true } });

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [readFixture('plain-ascii'), readFixture('gbk-subject-body'), readFixture('html-with-inline-image')]);
    await web.lab.seed(bob.email, 'INBOX', [readFixture('attachment-pdf')]);
  });

  it('tests the connection, shows the self-signed certificate, trusts it and saves', async () => {
    const bob = web.lab.users[1]!;
    await web.page.goto(web.app.url);
    await web.page.getByTestId('setup-manual').click();
    await web.page.getByTestId('setup-email').fill(bob.email);
    await web.page.getByTestId('setup-imap-host').fill(web.lab.host);
    await web.page.getByTestId('setup-imap-port').fill(String(web.lab.ports.imaps));
    await web.page.getByTestId('setup-user').fill(bob.email);
    await web.page.getByTestId('setup-password').fill(bob.password);
    expect(await web.page.getByTestId('setup-save').isDisabled()).toBe(true);
    await web.page.getByTestId('setup-test').click();
    const details = web.page.getByTestId('certificate-details');
    await details.waitFor();
    expect(await details.textContent()).toContain(web.lab.certFingerprint256);
    await screenshot(web.page, 'setup-untrusted-certificate');
    await web.page.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('setup-save').and(web.page.locator(':enabled')).waitFor();
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('mail-view').waitFor();
  });

  it('lists folders with unread counts and the messages, newest first', async () => {
    await web.page.getByTestId('folder-INBOX').waitFor();
    await web.page.getByTestId('message-row').nth(3).waitFor();
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(4);
    // The folder pane reloads its unread counts a moment after the rows arrive (coalesced, use-account-folders.ts).
    await expect.poll(() => web.page.getByTestId('folder-INBOX').textContent(), { timeout: 10_000 }).toContain('4');
    expect(await web.page.getByTestId('message-list').textContent()).toContain('会议通知：明天下午三点开会');
  });

  it('opens a message with an attachment, marks it read, and saves the attachment', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Quarterly report' }).click();
    await web.page.getByTestId('message-subject').filter({ hasText: 'Quarterly report (PDF attached)' }).waitFor();
    const attachments = web.page.getByTestId('attachments');
    await attachments.waitFor();
    expect(await attachments.textContent()).toContain('报告.pdf');
    await web.page.getByTestId('folder-INBOX').filter({ hasText: '3' }).waitFor();
    const [download] = await Promise.all([web.page.waitForEvent('download'), web.page.locator('[data-testid^="save-attachment-"]').first().click()]);
    expect(download.suggestedFilename()).toBe('报告.pdf');
    const saved = await download.path();
    expect(readFileSync(saved!).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(web.page, 'reading-attachment');
  });

  it('shows HTML mail in a sandboxed frame with its inline image', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'HTML with inline image' }).click();
    const frame = web.page.getByTestId('html-body');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const img = web.page.frameLocator('[data-testid="html-body"]').locator('img');
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(web.page, 'reading-html');
  });

  it('shows GBK mail decoded', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: '会议通知' }).click();
    const text = web.page.getByTestId('message-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('地点在三楼会议室');
  });

  it('goes offline when the server vanishes: says it cannot be reached and when Wren tries again, keeps everything readable', async () => {
    await web.lab.stop();
    await web.page.getByTestId('sync-now').click();
    const banner = web.page.locator('[data-testid^="account-status-"]');
    await banner.waitFor();
    const words = await banner.textContent();
    expect(words).toMatch(/Wren cannot reach the mail server of .+\. Wren tries again at /);
    expect(words).not.toMatch(/check the port/i); // setup advice, for the setup form only
    await web.page.getByTestId('message-row').filter({ hasText: 'Quarterly report' }).click();
    await web.page.getByTestId('message-subject').filter({ hasText: 'Quarterly report (PDF attached)' }).waitFor();
    expect(await web.page.getByTestId('message-text').textContent()).toContain('Please find the report attached.');
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(4);
    await screenshot(web.page, 'offline');
  });
});
