import { beforeAll, describe, expect, it } from 'vitest';
import { inboxCountBySubject } from '../lab/imap-util';
import type { LabUser } from '../lab/lab';
import { newsletterMessage } from '../lab/newsletter-message';
import { addLabAccount } from './add-lab-account';
import { fillComposer } from './fill-composer';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const WELCOME = [
  'From: Bob <bob@example.test>',
  'To: Alice <alice@example.test>',
  'Subject: Welcome',
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <welcome-offline@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello.',
  '',
].join('\r\n');

const NEWSLETTER = newsletterMessage('Offers with pictures', 'offers-offline@shop.example', 'Tue, 01 Dec 2026 08:00:00 +0000');

describe('web mode: Work Offline (Thunderbird\'s), and back online', () => {
  const web = webSession();
  let alice: LabUser;
  const toggle = () => web.page.getByTestId('work-offline');
  const banner = () => web.page.getByTestId('work-offline-banner');
  const outboxRow = (subject: string) => web.page.getByTestId('outbox-row').filter({ hasText: subject });

  beforeAll(async () => {
    alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [WELCOME, NEWSLETTER]);
    await addLabAccount(web.page, web.app.url, web.lab, alice, { smtp: true });
    await web.page.getByTestId('message-row').filter({ hasText: 'Welcome' }).waitFor();
  });

  const inboxCount = (user: LabUser, subject: string) => inboxCountBySubject(web.lab, user.email, subject);

  it('pressed: one banner says what waits, Sync now rests, and a message sent waits in the Outbox saying why; in English and Chinese', async () => {
    await toggle().click();
    await banner().waitFor();
    expect(await banner().textContent()).toContain('Working offline. Nothing is downloaded or sent');
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    expect(await toggle().textContent()).toBe('Work offline'); // its name stays; aria-pressed says it is on
    expect(await web.page.getByTestId('sync-now').isDisabled()).toBe(true);
    // Said once for the whole app, not once more per account.
    await expect.poll(() => web.page.locator('[data-testid^="account-status-"]').count()).toBe(0);

    await web.page.getByTestId('action-compose').click();
    await fillComposer(web.page, { to: web.lab.users[1]!.email, subject: 'Written offline', body: 'It waits for the network.' });
    await web.page.getByTestId('compose-send').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    await outboxRow('Written offline').getByTestId('outbox-send-now').click(); // past the undo delay: it tries, and is held
    await expect.poll(() => outboxRow('Written offline').getByTestId('outbox-state').textContent(), { timeout: 20_000 }).toBe('Waiting: sent when you go online');
    await screenshot(web.page, 'work-offline-en');

    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => banner().textContent()).toContain('正在脱机工作');
    expect(await toggle().textContent()).toBe('脱机工作');
    expect(await web.page.getByTestId('work-offline-go-online').textContent()).toBe('联机工作');
    await expect.poll(() => outboxRow('Written offline').getByTestId('outbox-state').textContent()).toBe('等待中：恢复联机后发送');
    await screenshot(web.page, 'work-offline-zh');
    await web.page.getByTestId('language').selectOption('en');
    expect(await inboxCount(web.lab.users[1]!, 'Written offline')).toBe(0);
  });

  it('Go online: the banner goes, the account syncs, and what waited is sent, once', async () => {
    await web.page.getByTestId('work-offline-go-online').click();
    await banner().waitFor({ state: 'detached' });
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    expect(await toggle().textContent()).toBe('Work offline');
    await web.page.getByTestId('outbox-empty').waitFor({ timeout: 30_000 });
    await expect.poll(() => inboxCount(web.lab.users[1]!, 'Written offline'), { timeout: 30_000 }).toBe(1);
    expect(await web.page.getByTestId('sync-now').isDisabled()).toBe(false);
    await screenshot(web.page, 'work-offline-back-online-en');
  });

  it('working offline, an allowed sender\'s pictures wait too, saying why, and load once back online', async () => {
    const frame = () => web.page.getByTestId('html-body');
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'Offers with pictures' }).click();
    await web.page.getByTestId('load-remote-always').click();
    await expect.poll(() => frame().getAttribute('srcdoc')).toContain('https://images.shop.example/banner.png');

    await toggle().click();
    await banner().waitFor();
    // Opened again (a choice made on a message lasts while it is open, as ever).
    await web.page.getByTestId('message-row').filter({ hasText: 'Welcome' }).click();
    await web.page.getByTestId('message-row').filter({ hasText: 'Offers with pictures' }).click();
    const bar = web.page.getByTestId('remote-blocked');
    await expect.poll(() => bar.textContent()).toContain('Working offline: remote content was not loaded, although you allow it from this sender.');
    expect(await frame().getAttribute('srcdoc')).not.toContain('images.shop.example');
    expect(await web.page.getByTestId('load-remote-always').count()).toBe(0);
    await screenshot(web.page, 'work-offline-remote-held-en');
    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => bar.textContent()).toContain('正在脱机工作：未加载远程内容（您已允许此发件人的远程内容）。');
    await screenshot(web.page, 'work-offline-remote-held-zh');
    await web.page.getByTestId('language').selectOption('en');

    await web.page.getByTestId('work-offline-go-online').click();
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => frame().getAttribute('srcdoc')).toContain('https://images.shop.example/banner.png');
  });
});
