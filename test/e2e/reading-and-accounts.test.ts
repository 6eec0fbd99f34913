import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';
import { fillAccountForm } from './add-lab-account';

const run = promisify(execFile);

describe('web mode: marking read, accounts added while running, reading offline', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  const row = (subject: string) => page.getByTestId('message-row').filter({ hasText: subject });
  const bobInbox = () => page.getByTestId('folder-INBOX').first();

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[1]!.email, 'INBOX', [1, 2, 3, 4].map((n) => simpleMessage(n, { subject: 'Note' })));
    await lab.seed(lab.users[0]!.email, 'INBOX', [simpleMessage(9, { subject: 'For Alice', to: lab.users[0]!.email })]);
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 800 } });
    await page.goto(app.url);
    await addAccountThroughForm(page, lab);
    await row('Note 1').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('moving through the list with the arrow keys marks only the message that stays open', async () => {
    await page.getByTestId('message-list').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // Note 4, Note 3, then Note 2 stays open
    await page.getByTestId('message-subject').filter({ hasText: 'Note 2' }).waitFor();
    await page.getByTestId('message-text').filter({ hasText: 'Body 2' }).waitFor();
    // After the 2 s default delay the open message, and only it, is read.
    await page.getByTestId('action-mark-unread').waitFor();
    await bobInbox().filter({ hasText: '3' }).waitFor();
    expect(await row('Note 2').getAttribute('class')).not.toContain('message-row--unread');
    for (const passed of ['Note 4', 'Note 3', 'Note 1']) expect(await row(passed).getAttribute('class')).toContain('message-row--unread');
  });

  it('offers "Mark as read" after "Mark as unread" (in the toolbar, the one place for it), and the open message stays unread', async () => {
    expect(await page.getByTestId('reading-pane').getByTestId('toggle-seen').count()).toBe(0);
    await page.getByTestId('action-mark-unread').click();
    const markRead = page.getByTestId('action-mark-read');
    await markRead.waitFor();
    expect(await markRead.isEnabled()).toBe(true);
    await bobInbox().filter({ hasText: '4' }).waitFor();
    await row('Note 2').and(page.locator('.message-row--unread')).waitFor();
    await screenshot(page, 'mark-as-read-offered');
    await markRead.click();
    await page.getByTestId('action-mark-unread').waitFor();
    await bobInbox().filter({ hasText: '3' }).waitFor();
  });

  it('shows an account the CLI adds while the app runs, synced, without a reload', async () => {
    const alice = lab.users[0]!;
    await run(process.execPath, ['bin/wren.cjs', '--data-dir', app.dataDir, 'account', 'add', '--name', 'Alice from CLI', '--email', alice.email,
      '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps), '--imap-security', 'tls', '--trust-fingerprint', lab.certFingerprint256], {
      env: { ...process.env, WREN_PASSWORD: alice.password, XDG_CONFIG_HOME: join(dirname(app.dataDir), 'config') },
    });
    const tree = page.getByTestId('folder-tree');
    await tree.filter({ hasText: 'Alice from CLI' }).waitFor();
    const aliceInbox = page.getByTestId('folder-INBOX').nth(1);
    await aliceInbox.filter({ hasText: '1' }).waitFor(); // synced: one unread message
    await aliceInbox.getByRole('button').click();
    await row('For Alice 9').waitFor();
    await screenshot(page, 'account-added-by-cli');
    await bobInbox().getByRole('button').click();
    await row('Note 1').waitFor();
  });

  it('adds a third account from the toolbar while the app runs', async () => {
    const carol = lab.users[2]!;
    await page.getByTestId('add-account').click();
    const dialog = page.getByTestId('add-account-dialog');
    await fillAccountForm(page, lab, carol);
    await screenshot(page, 'add-account-dialog');
    await dialog.getByTestId('setup-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('folder-tree').filter({ hasText: carol.email }).waitFor();
    await page.getByTestId('folder-INBOX').nth(2).waitFor(); // its folders came with its first sync
  });

  it('offline, an unopened message shows its headers and says the body comes when the account is back', async () => {
    await lab.stop();
    await row('Note 1').click();
    const unavailable = page.getByTestId('body-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.getAttribute('data-error-code')).toBe('Offline');
    expect(await unavailable.textContent()).toContain('It will appear when the account is back online.');
    expect(await page.getByTestId('message-subject').textContent()).toContain('Note 1');
    expect(await page.getByTestId('reading-pane').textContent()).toContain('Sender 1 <s1@example.test>');
    expect(await page.getByTestId('retry-body').isVisible()).toBe(true);
    await screenshot(page, 'reading-offline-en');

    await page.getByTestId('language').selectOption('zh');
    await unavailable.filter({ hasText: '帐户恢复在线后，正文会自动显示' }).waitFor();
    expect(await page.getByTestId('retry-body').textContent()).toBe('重试');
    await screenshot(page, 'reading-offline-zh');
    expect(await row('Note 1').getAttribute('class')).toContain('message-row--unread');
  });

  it('"Sync now" syncs every account, not only the open folder’s', async () => {
    await page.getByTestId('sync-now').click();
    // bob (opened), alice (added by the CLI) and carol (added from the toolbar) all try, and all find the server gone.
    for (const id of [1, 2, 3]) await page.getByTestId(`account-status-${id}`).waitFor();
    await screenshot(page, 'sync-now-all-offline-zh');
  });
});

/** The first-run form, for bob. */
async function addAccountThroughForm(page: Page, lab: Lab): Promise<void> {
  await fillAccountForm(page, lab, lab.users[1]!);
  await page.getByTestId('setup-save').click();
  await page.getByTestId('mail-view').waitFor();
}
