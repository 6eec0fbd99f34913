import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { screenshot } from './web-app';
import { webSession } from './web-session';
import { fillAccountForm } from './add-lab-account';

const run = promisify(execFile);

describe('web mode: marking read, accounts added while running, reading offline', () => {
  const web = webSession();

  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const bobInbox = () => web.page.getByTestId('folder-INBOX').first();

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [1, 2, 3, 4].map((n) => simpleMessage(n, { subject: 'Note' })));
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [simpleMessage(9, { subject: 'For Alice', to: web.lab.users[0]!.email })]);
    await web.page.goto(web.app.url);
    await addAccountThroughForm(web.page, web.lab);
    await row('Note 1').waitFor();
  });

  it('moving through the list with the arrow keys marks only the message that stays open', async () => {
    await web.page.getByTestId('message-list').focus();
    for (let i = 0; i < 3; i++) await web.page.keyboard.press('ArrowDown'); // Note 4, Note 3, then Note 2 stays open
    await web.page.getByTestId('message-subject').filter({ hasText: 'Note 2' }).waitFor();
    await web.page.getByTestId('message-text').filter({ hasText: 'Body 2' }).waitFor();
    // After the 2 s default delay the open message, and only it, is read.
    await web.page.getByTestId('action-mark-unread').waitFor();
    await bobInbox().filter({ hasText: '3' }).waitFor();
    expect(await row('Note 2').getAttribute('class')).not.toContain('message-row--unread');
    for (const passed of ['Note 4', 'Note 3', 'Note 1']) expect(await row(passed).getAttribute('class')).toContain('message-row--unread');
  });

  it('offers "Mark as read" after "Mark as unread" (in the toolbar, the one place for it), and the open message stays unread', async () => {
    expect(await web.page.getByTestId('reading-pane').getByTestId('toggle-seen').count()).toBe(0);
    await web.page.getByTestId('action-mark-unread').click();
    const markRead = web.page.getByTestId('action-mark-read');
    await markRead.waitFor();
    expect(await markRead.isEnabled()).toBe(true);
    await bobInbox().filter({ hasText: '4' }).waitFor();
    await row('Note 2').and(web.page.locator('.message-row--unread')).waitFor();
    await screenshot(web.page, 'mark-as-read-offered');
    await markRead.click();
    await web.page.getByTestId('action-mark-unread').waitFor();
    await bobInbox().filter({ hasText: '3' }).waitFor();
  });

  it('shows an account the CLI adds while the app runs, synced, without a reload', async () => {
    const alice = web.lab.users[0]!;
    await run(process.execPath, ['bin/wren.cjs', '--data-dir', web.app.dataDir, 'account', 'add', '--name', 'Alice from CLI', '--email', alice.email,
      '--imap-host', web.lab.host, '--imap-port', String(web.lab.ports.imaps), '--imap-security', 'tls', '--trust-fingerprint', web.lab.certFingerprint256], {
      env: { ...process.env, WREN_PASSWORD: alice.password, XDG_CONFIG_HOME: join(dirname(web.app.dataDir), 'config') },
    });
    const tree = web.page.getByTestId('folder-tree');
    await tree.filter({ hasText: 'Alice from CLI' }).waitFor();
    const aliceInbox = web.page.getByTestId('folder-INBOX').nth(1);
    await aliceInbox.filter({ hasText: '1' }).waitFor(); // synced: one unread message
    await aliceInbox.getByRole('button').click();
    await row('For Alice 9').waitFor();
    await screenshot(web.page, 'account-added-by-cli');
    await bobInbox().getByRole('button').click();
    await row('Note 1').waitFor();
  });

  it('adds a third account from the toolbar while the app runs', async () => {
    const carol = web.lab.users[2]!;
    await web.page.getByTestId('add-account').click();
    const dialog = web.page.getByTestId('add-account-dialog');
    await fillAccountForm(web.page, web.lab, carol);
    await screenshot(web.page, 'add-account-dialog');
    await dialog.getByTestId('setup-save').click();
    await dialog.waitFor({ state: 'detached' });
    await web.page.getByTestId('folder-tree').filter({ hasText: carol.email }).waitFor();
    await web.page.getByTestId('folder-INBOX').nth(2).waitFor(); // its folders came with its first sync
  });

  it('offline, an unopened message shows its headers and says the body comes when the account is back', async () => {
    await web.lab.stop();
    await row('Note 1').click();
    const unavailable = web.page.getByTestId('body-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.getAttribute('data-error-code')).toBe('Offline');
    expect(await unavailable.textContent()).toContain('It will appear when the account is back online.');
    expect(await web.page.getByTestId('message-subject').textContent()).toContain('Note 1');
    expect(await web.page.getByTestId('reading-pane').textContent()).toContain('Sender 1 <s1@example.test>');
    expect(await web.page.getByTestId('retry-body').isVisible()).toBe(true);
    await screenshot(web.page, 'reading-offline-en');

    await web.page.getByTestId('language').selectOption('zh');
    await unavailable.filter({ hasText: '账户恢复在线后，正文会自动显示' }).waitFor();
    expect(await web.page.getByTestId('retry-body').textContent()).toBe('重试');
    await screenshot(web.page, 'reading-offline-zh');
    expect(await row('Note 1').getAttribute('class')).toContain('message-row--unread');
  });

  it('"Sync now" syncs every account, not only the open folder’s', async () => {
    await web.page.getByTestId('sync-now').click();
    // bob (opened), alice (added by the CLI) and carol (added from the toolbar) all try, and all find the server gone.
    for (const id of [1, 2, 3]) await web.page.getByTestId(`account-status-${id}`).waitFor();
    await screenshot(web.page, 'sync-now-all-offline-zh');
  });
});

/** The first-run form, for bob. */
async function addAccountThroughForm(page: Page, lab: Lab): Promise<void> {
  await fillAccountForm(page, lab, lab.users[1]!);
  await page.getByTestId('setup-save').click();
  await page.getByTestId('mail-view').waitFor();
}
