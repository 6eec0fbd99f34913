import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage } from '../lab/conversation-messages';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** A post to a list Alice reads; `answers` the one it replies to. */
const post = (subject: string, id: string, answers?: string) =>
  conversationMessage({ id, inReplyTo: answers, from: 'Ann <ann@list.test>', to: 'alice@example.test', subject, date: 'Mon, 30 Nov 2026 09:00:00 +0000', body: `${subject} body` });

/** Thunderbird's Message ▸ Mark ▸ Thread as Read, from a row's right-click menu. */
describe('web mode: Mark thread as read', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const inboxUnread = () => web.page.getByTestId('folder-INBOX').locator('.folder-row__unread').textContent();

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [
      post('Release plan', 'plan'), post('Re: Release plan', 'plan-1', 'plan'), post('Re: Re: Release plan', 'plan-2', 'plan-1'), post('Team lunch', 'lunch'),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Team lunch').waitFor();
  });

  it('marks the unread messages of the thread read, leaves the rest, and Undo takes it back', async () => {
    await expect.poll(inboxUnread).toBe('4');
    // A right click neither opens the row nor marks it read: the menu acts on it.
    await row('Re: Release plan').filter({ hasNotText: 'Re: Re:' }).click({ button: 'right' });
    await web.page.getByTestId('menu-mark-thread-read').waitFor();
    await screenshot(web.page, 'mark-thread-read-menu-en');
    await web.page.getByTestId('menu-mark-thread-read').click();
    // Three messages in the thread, all unread: the right click opened none of them.
    await web.page.getByText('3 messages marked as read.').waitFor();
    await expect.poll(inboxUnread).toBe('1');
    await web.page.getByRole('button', { name: 'Undo' }).click();
    await web.page.getByText('Undone.').waitFor();
    // What the menu marked is unread again.
    await expect.poll(inboxUnread).toBe('4');
  });

  it('in Chinese, and says so when the thread is read already', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await row('Re: Re: Release plan').click({ button: 'right' });
    await web.page.getByTestId('menu-mark-thread-read').click();
    await web.page.getByText(/封邮件标记为已读。|邮件已标记为已读。/).waitFor();
    await expect.poll(inboxUnread).toBe('1');
    await row('Release plan').filter({ hasNotText: 'Re:' }).click({ button: 'right' });
    expect(await web.page.getByTestId('menu-mark-thread-read').textContent()).toBe('将会话标为已读');
    await screenshot(web.page, 'mark-thread-read-menu-zh');
    await web.page.getByTestId('menu-mark-thread-read').click();
    await web.page.getByText('此会话中的邮件都已读。').waitFor();
    await web.page.getByTestId('language').selectOption('en');
  });
});
