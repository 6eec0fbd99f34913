import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { inboxCountBySubject } from '../lab/imap-util';
import type { LabUser } from '../lab/lab';
import { addLabAccount } from './add-lab-account';
import { fillComposer } from './fill-composer';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Read in the page (page.evaluate); the e2e files are compiled without the DOM's types.
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };

const WELCOME = [
  'From: Bob <bob@example.test>',
  'To: Alice <alice@example.test>',
  'Subject: Welcome',
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <welcome@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello.',
  '',
].join('\r\n');

describe('web mode: the Outbox (a scheduled message, a refused one)', () => {
  // The smallest window Wren is laid out for.
  const web = webSession({ page: { viewport: { width: 1000, height: 700 } } });
  let alice: LabUser;
  const composer = () => web.page.getByTestId('composer');
  const outboxRow = (subject: string) => web.page.getByTestId('outbox-row').filter({ hasText: subject });

  beforeAll(async () => {
    alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [WELCOME]);
    await addLabAccount(web.page, web.app.url, web.lab, alice, { smtp: true });
    await web.page.getByTestId('message-row').filter({ hasText: 'Welcome' }).waitFor();
  });

  /** The Settings screen's theme, then back to the window (the outbox stays open behind it). */
  async function theme(value: 'dark' | 'system') {
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-theme').selectOption(value);
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('settings').waitFor({ state: 'detached' });
  }

  async function write(to: string, subject: string) {
    await web.page.getByTestId('action-compose').click();
    await fillComposer(web.page, { to, subject, body: 'Body of ' + subject });
  }

  it('lists a message sent later and one the server refused (in its words); Edit brings the scheduled one back into the composer', async () => {
    expect(await web.page.getByTestId('outbox-folder').count()).toBe(0);
    await write('bob@example.test', 'Plan for Monday');
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-schedule').click(); // an hour from now, the picker's default
    await composer().waitFor({ state: 'detached' });
    await expect.poll(() => web.page.getByTestId('outbox-count').textContent()).toBe('1');

    // The lab's SMTP refuses an unknown user with 550 once the undo delay is over.
    await write('nobody@example.test', 'To nobody');
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    await web.page.getByTestId('outbox-view').waitFor();
    expect(await outboxRow('Plan for Monday').getByTestId('outbox-state').textContent()).toMatch(/^Scheduled for /);
    expect(await outboxRow('Plan for Monday').getByTestId('outbox-to').textContent()).toBe('To: bob@example.test');
    const refused = outboxRow('To nobody').getByTestId('outbox-state');
    // In the server's own words.
    await expect.poll(() => refused.textContent(), { timeout: 60_000 }).toMatch(/^Failed: 550 .*User unknown/);
    await expect.poll(() => web.page.getByTestId('outbox-count').getAttribute('class')).toContain('alert');
    await screenshot(web.page, 'outbox-en');

    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => outboxRow('Plan for Monday').getByTestId('outbox-state').textContent()).toMatch(/^定于 .* 发送$/);
    await screenshot(web.page, 'outbox-zh');
    await web.page.getByTestId('language').selectOption('en');
    await theme('dark');
    await expect.poll(() => web.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(web.page, 'outbox-dark-en');
    await theme('system');

    // The actions are buttons: a focused Edit answers Enter.
    await outboxRow('Plan for Monday').getByTestId('outbox-edit').focus();
    await web.page.keyboard.press('Enter');
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Plan for Monday');
    await expect.poll(() => web.page.getByTestId('outbox-row').count()).toBe(1);
    await screenshot(web.page, 'outbox-edit-composer');
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });

    // Edit on the refused one: the outbox is empty; its entry stays in the folder pane, with no count, while it is open.
    await outboxRow('To nobody').getByTestId('outbox-edit').click();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('To nobody');
    await web.page.getByTestId('outbox-empty').waitFor();
    expect(await web.page.getByTestId('outbox-count').count()).toBe(0);
    expect(await web.page.getByTestId('outbox-folder').getByRole('button').getAttribute('aria-current')).toBe('true');
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });

  const inboxCount = (user: LabUser, subject: string) => inboxCountBySubject(web.lab, user.email, subject);

  it('Send now on a scheduled message: it leaves at once, the Outbox empties, and it arrives once', async () => {
    const bob = web.lab.users[1]!;
    await write(bob.email, 'Minutes, sent early');
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-schedule').click(); // an hour from now
    await composer().waitFor({ state: 'detached' });
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    const row = outboxRow('Minutes, sent early');
    expect(await row.getByTestId('outbox-state').textContent()).toMatch(/^Scheduled for /);
    await screenshot(web.page, 'outbox-send-now-en');
    await web.page.getByTestId('language').selectOption('zh');
    await row.getByTestId('outbox-send-now').filter({ hasText: '立即发送' }).waitFor();
    await screenshot(web.page, 'outbox-send-now-zh');
    await web.page.getByTestId('language').selectOption('en');

    await row.getByTestId('outbox-send-now').click();
    await web.page.getByTestId('outbox-empty').waitFor({ timeout: 30_000 });
    expect(await web.page.getByTestId('outbox-count').count()).toBe(0);
    await expect.poll(() => inboxCount(bob, 'Minutes, sent early'), { timeout: 30_000 }).toBe(1);
    // Left for a folder, the emptied Outbox leaves the folder pane.
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await expect.poll(() => web.page.getByTestId('outbox-folder').count()).toBe(0);
  });

  it('a recipient the server refuses while it takes the message for the others is named in a toast, in its words', async () => {
    const bob = web.lab.users[1]!;
    await write(`${bob.email}, nobody@example.test`, 'Half delivered');
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    // After the undo delay Bob gets it, and the lab's server answers 550 for nobody.
    const toast = web.page.getByTestId('toast-error').filter({ hasText: '“Half delivered” was sent, but not to this recipient: the server refused it.' });
    await toast.waitFor({ timeout: 60_000 });
    expect(await toast.textContent()).toMatch(/nobody@example\.test — 550 5\.1\.1 <nobody@example\.test>: .*User unknown/);
    await expect.poll(() => inboxCount(bob, 'Half delivered'), { timeout: 30_000 }).toBe(1);
    await screenshot(web.page, 'send-recipient-refused-en');
    await web.page.getByTestId('language').selectOption('zh');
    const zh = web.page.getByTestId('toast-error').filter({ hasText: '“Half delivered”已发出，但服务器拒收了以下收件人，他们不会收到：' });
    expect(await zh.textContent()).toContain('nobody@example.test —— 550 5.1.1');
    await screenshot(web.page, 'send-recipient-refused-zh');
    await web.page.getByTestId('language').selectOption('en');
    // Said once, and it stays until closed (the test below finds it still there): the message is out of the Outbox, nowhere else says it.
    expect(await web.page.getByTestId('toast-error').filter({ hasText: 'Half delivered' }).count()).toBe(1);
  });

  it("Send later says the chosen time in Wren's language (the browser draws the control in its own, en-US here)", async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await write(web.lab.users[1]!.email, '周报');
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-send-at').fill('2099-05-04T08:30');
    const words = web.page.getByTestId('compose-send-at-words');
    expect(await words.textContent()).toBe('将于 2099年5月4日星期一 08:30:00 发送');
    // The toasts left by the tests above (a refused recipient, shown until closed) stay beside the composer, clear of it.
    const composerLeft = (await composer().boundingBox())!.x;
    const toasts = await web.page.locator('.toast').all();
    expect(await web.page.getByTestId('toast-error').filter({ hasText: 'Half delivered' }).count()).toBe(1);
    for (const toast of toasts) {
      const box = (await toast.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(composerLeft);
    }
    await screenshot(web.page, 'send-later-picker-zh');
    // Live with the language, like every other word on screen.
    await web.page.getByTestId('language').selectOption('en');
    await expect.poll(() => words.textContent()).toBe('To be sent Monday, May 4, 2099 at 8:30:00 AM');
    await screenshot(web.page, 'send-later-picker-en');
    await web.page.getByTestId('compose-send-at').fill('2001-01-01T08:00');
    expect(await words.textContent()).toBe('Pick a time later than now.');
    expect(await web.page.getByTestId('compose-schedule').isDisabled()).toBe(true);
    await web.page.getByTestId('compose-send-later-cancel').click();
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });

  it('asks about a message of unknown fate; "It was sent — discard" takes it out of the outbox', async () => {
    await write('bob@example.test', 'Did it go?');
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-schedule').click();
    await composer().waitFor({ state: 'detached' });
    await expect.poll(() => web.page.getByTestId('outbox-count').textContent()).toBe('1');
    // What the core leaves after a crash between DATA and the server's answer (the lab cannot cut that
    // moment), written as the runner would: then a reload, as after the restart, lists it.
    const db = new Database(join(web.app.dataDir, 'wren.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare("UPDATE outbox SET state = 'unknown', send_at = NULL WHERE subject = 'Did it go?'").run();
    } finally {
      db.close();
    }
    await web.page.reload();
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    const row = outboxRow('Did it go?');
    expect(await row.getByTestId('outbox-state').textContent()).toBe('Not known whether it was sent');
    expect(await row.textContent()).toContain('the recipients may get it twice');
    await screenshot(web.page, 'outbox-unknown-en');
    await web.page.getByTestId('language').selectOption('zh');
    await row.getByTestId('outbox-discard').filter({ hasText: '已发出，丢弃' }).waitFor();
    await screenshot(web.page, 'outbox-unknown-zh');
    await web.page.getByTestId('language').selectOption('en');
    await row.getByTestId('outbox-discard').click();
    await web.page.getByTestId('outbox-empty').waitFor();
    expect(await web.page.getByTestId('outbox-count').count()).toBe(0);
  });

  it('Delete takes a message out of the Outbox for good (after a reload too); its toast\'s Undo reopens it in the composer', async () => {
    const bob = web.lab.users[1]!;
    await write(bob.email, 'Not after all');
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-send-at').fill('2099-05-04T08:30');
    await web.page.getByTestId('compose-schedule').click();
    await composer().waitFor({ state: 'detached' });
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    await outboxRow('Not after all').getByTestId('outbox-delete').click();
    await web.page.getByTestId('outbox-empty').waitFor();
    const toast = web.page.getByTestId('toast').filter({ hasText: 'Deleted from the Outbox: “Not after all”' });
    await screenshot(web.page, 'outbox-deleted-en');
    await toast.getByTestId('toast-undo').click();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Not after all');
    expect(await web.page.getByTestId('compose-body').inputValue()).toBe('Body of Not after all');

    // Scheduled again from the composer, then deleted in Chinese: gone from the core, not only from the view.
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-send-at').fill('2099-05-04T08:30');
    await web.page.getByTestId('compose-schedule').click();
    await composer().waitFor({ state: 'detached' });
    await web.page.getByTestId('language').selectOption('zh');
    await outboxRow('Not after all').getByTestId('outbox-delete').filter({ hasText: '删除' }).click();
    await web.page.getByTestId('toast').filter({ hasText: '已从发件箱删除“Not after all”' }).waitFor();
    await screenshot(web.page, 'outbox-deleted-zh');
    await web.page.getByTestId('language').selectOption('en');
    await web.page.reload();
    await web.page.getByTestId('message-row').first().waitFor();
    expect(await web.page.getByTestId('outbox-folder').count()).toBe(0);
    const db = new Database(join(web.app.dataDir, 'wren.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE subject = 'Not after all'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('a message refused again after Retry has one toast, not two; Edit takes the toast away with the message', async () => {
    await write('nobody@example.test', 'Refused twice');
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    const failed = web.page.getByTestId('toast-error').filter({ hasText: '“Refused twice” could not be sent.' });
    await failed.waitFor({ timeout: 60_000 });
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    const state = outboxRow('Refused twice').getByTestId('outbox-state');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/^Failed: 550 /);
    // The first toast is marked, to tell the second try's from it.
    await failed.evaluate((element: { setAttribute(name: string, value: string): void }) => element.setAttribute('data-first-try', ''));
    await outboxRow('Refused twice').getByTestId('outbox-retry').click();
    await web.page.locator('[data-testid="toast-error"]:not([data-first-try])').filter({ hasText: '“Refused twice” could not be sent.' }).waitFor({ timeout: 60_000 });
    expect(await state.textContent()).toMatch(/^Failed: 550 /);
    expect(await failed.count()).toBe(1);
    await screenshot(web.page, 'outbox-retry-one-toast-en');
    await outboxRow('Refused twice').getByTestId('outbox-edit').click();
    await composer().waitFor();
    // No "could not be sent … Undo" is left behind whose Undo would reach for a message no longer in the Outbox.
    await failed.waitFor({ state: 'detached' });
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });
});

