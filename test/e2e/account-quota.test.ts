import { beforeAll, describe, expect, it } from 'vitest';
import { padded, simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Four messages of about `each` bytes in the Inbox of a mailbox allowed 100 KB. */
function fullSession(each: number, locale: string) {
  const web = webSession({ lab: { quota: '100K' }, page: { locale } });
  beforeAll(async () => {
    const user = web.lab.users[1]!.email;
    await web.lab.seed(user, 'INBOX', [1, 2, 3, 4].map((n) => padded(simpleMessage(n, { subject: 'Report', to: user }), each)));
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await web.page.getByTestId('folder-INBOX').click();
    await web.page.getByTestId('message-row').nth(3).waitFor();
  });
  return web;
}

describe('web mode: a mailbox filling up shows under its account (en)', () => {
  const web = fullSession(21_000, 'en-US');

  it('the meter under the folders: the share used, the amounts, and from 80% that it is filling up', async () => {
    const meter = web.page.getByTestId('quota-meter');
    await meter.waitFor();
    expect(await meter.getAttribute('data-level')).toBe('warning');
    expect(await meter.textContent()).toMatch(/^8\d% used8\d KB of 100 KBYour mailbox on the server is filling up\.$/);
    expect(await meter.getAttribute('title')).toMatch(/^8\d KB of 100 KB\nAs the server said at /);
    await screenshot(web.page, 'quota-warning-en');
  });
});

describe('web mode: a mailbox almost full (zh)', () => {
  const web = fullSession(25_000, 'zh-CN');

  it('from 95% an alert says what to do, in Chinese', async () => {
    const meter = web.page.getByTestId('quota-meter');
    await meter.waitFor();
    expect(await meter.getAttribute('data-level')).toBe('critical');
    expect(await meter.getByRole('alert').textContent()).toBe('您在服务器上的邮箱几乎已满：很快将无法接收新邮件。请清空已删除文件夹或删除旧邮件。');
    expect(await meter.textContent()).toMatch(/^已用 9\d%9\d KB \/ 100 KB/);
    // And once, as Thunderbird's alert: a toast naming the account.
    await web.page.getByText(/^bob@example\.test：您在服务器上的邮箱已用 9\d%。请清空已删除文件夹或删除旧邮件，否则服务器很快将拒收新邮件。$/).waitFor();
    await screenshot(web.page, 'quota-critical-zh');
  });
});
