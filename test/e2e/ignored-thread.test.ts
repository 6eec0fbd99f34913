import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

function post(subject: string, messageId: string, answers?: string): string {
  return [`From: Ann <ann@list.test>`, 'To: alice@example.test', `Subject: ${subject}`, 'Date: Mon, 30 Nov 2026 09:00:00 +0000', `Message-ID: ${messageId}`,
    ...(answers ? [`In-Reply-To: ${answers}`, `References: ${answers}`] : []), '', `${subject} body`, ''].join('\r\n');
}

describe('web mode: Ignore thread', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [
      post('Build broken again', '<build@list.test>'), post('Re: Build broken again', '<build-1@list.test>', '<build@list.test>'), post('Team lunch', '<lunch@list.test>'),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Team lunch').waitFor();
  });

  it('from the row\'s menu: the thread is marked read, with Undo, and left out of the list, which opens the next message, says so and shows it on request', async () => {
    // The reply is open (and so read) before its thread is ignored from its menu.
    await row('Re: Build broken again').click();
    await web.page.getByText('Re: Build broken again body').waitFor();
    await row('Re: Build broken again').click({ button: 'right' });
    await web.page.getByTestId('menu-ignore-thread').click();
    await web.page.getByText('Ignoring this thread: 2 messages marked read.').waitFor();
    // Thunderbird's way: the thread leaves the list; the list says how many it hides.
    await expect.poll(() => row('Build broken again').count()).toBe(0);
    await expect.poll(() => web.page.getByTestId('ignored-threads-note').textContent()).toBe('2 messages of ignored threads hidden. Show');
    expect(await web.page.getByTestId('message-row').count()).toBe(1);
    // The open message left with its thread: the next one is open instead, as after a delete.
    await expect.poll(() => web.page.getByTestId('message-subject').textContent()).toBe('Subject: Team lunch');
    expect(await web.page.getByTestId('ignored-thread-bar').count()).toBe(0);
    // Both messages of the thread read; the other one not.
    await expect.poll(() => web.page.getByTestId('folder-INBOX').locator('.folder-row__unread').textContent()).toBe('1');
    await screenshot(web.page, 'ignored-thread-hidden-en');
    // Shown on request (and kept so: a setting, as Thunderbird's View ▸ Threads ▸ Ignored Threads).
    await web.page.getByTestId('ignored-threads-toggle').click();
    await row('Re: Build broken again').waitFor();
    await expect.poll(() => web.page.getByTestId('ignored-threads-note').textContent()).toBe('Showing 2 messages of ignored threads. Hide');
    await row('Build broken again').filter({ hasNotText: 'Re:' }).click();
    await expect.poll(() => web.page.getByTestId('message-subject').textContent()).toBe('Subject: Build broken again');
    await web.page.getByTestId('ignored-thread-bar').waitFor();
    expect(await web.page.getByTestId('ignore-thread').count()).toBe(0);
    await screenshot(web.page, 'ignored-thread-en');
  });

  it('in Chinese: Stop ignoring from the bar, then Ignore thread from the reading pane again, and hidden from the list', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    expect(await web.page.getByTestId('ignored-thread-bar').textContent()).toContain('你已忽略此会话');
    await screenshot(web.page, 'ignored-thread-zh');
    await web.page.getByTestId('stop-ignoring-thread').click();
    await web.page.getByTestId('ignored-thread-bar').waitFor({ state: 'detached' });
    await web.page.getByText('已取消忽略此会话：其中的新邮件到达时为未读。').waitFor();
    // Nothing of the folder ignored: nothing to say.
    await web.page.getByTestId('ignored-threads-note').waitFor({ state: 'detached' });
    await web.page.getByTestId('ignore-thread').click();
    await web.page.getByTestId('ignored-thread-bar').waitFor();
    await web.page.getByText('已忽略此会话：0 封邮件已标为已读。').waitFor();
    await expect.poll(() => web.page.getByTestId('ignored-threads-note').textContent()).toBe('正在显示已忽略会话中的 2 封邮件。 隐藏');
    await web.page.getByTestId('ignored-threads-toggle').click();
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(1);
    await expect.poll(() => web.page.getByTestId('ignored-threads-note').textContent()).toBe('已隐藏已忽略会话中的 2 封邮件。 显示');
    await screenshot(web.page, 'ignored-thread-hidden-zh');
    await web.page.getByTestId('language').selectOption('en');
  });

  it('K, as in Thunderbird: watches an ignored thread again, and ignores it once more; the ? overlay names the key', async () => {
    await web.page.getByTestId('ignored-threads-toggle').click();
    await row('Build broken again').filter({ hasNotText: 'Re:' }).click();
    await web.page.getByTestId('ignored-thread-bar').waitFor();
    await web.page.keyboard.press('Shift+K');
    await web.page.getByText('This thread is no longer ignored: new messages in it arrive unread.').waitFor();
    await web.page.getByTestId('ignored-thread-bar').waitFor({ state: 'detached' });
    await web.page.keyboard.press('Shift+K');
    await web.page.getByText('Ignoring this thread: 0 messages marked read.').waitFor();
    await web.page.getByTestId('ignored-thread-bar').waitFor();
    // The toasts closed, so they cover nothing of the overlay.
    for (const close of await web.page.locator('.toast__close').all()) await close.click();
    await web.page.keyboard.press('?');
    const help = web.page.getByRole('dialog');
    await help.getByText('Ignore the thread (again: stop ignoring it)').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'shortcut-help-ignore-thread-en');
    await web.page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await web.page.getByTestId('language').selectOption('zh');
    await row('Build broken again').filter({ hasNotText: 'Re:' }).click();
    await web.page.keyboard.press('?');
    await help.getByText('忽略此会话（再按一次：取消忽略）').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'shortcut-help-ignore-thread-zh');
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('language').selectOption('en');
  });
});

