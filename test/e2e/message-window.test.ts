import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage } from '../lab/conversation-messages';
import { serverEventually, serverMatching, serverSubjects } from '../lab/server-subjects';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const mail = (subject: string, id: string, body: string) =>
  conversationMessage({ id, from: 'Bob Lee <bob@example.test>', to: 'alice@example.test', subject, date: 'Mon, 30 Nov 2026 09:00:00 +0000', body });

/** Thunderbird's double click and Open in New Window: one message in a window of its own, beside the main one. */
describe('web mode: a message in its own window', () => {
  const web = webSession();
  const row = (page: Page, subject: string) => page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [
      mail('Quarterly report', 'report', 'The figures are in the spreadsheet.'),
      mail('Picnic on Saturday', 'picnic', 'Bring a blanket.'),
      mail('Server upgrade', 'upgrade', 'Downtime at noon.'),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row(web.page, 'Server upgrade').waitFor();
  });

  it('opens on a double click, answers in its own composer, flags, goes to the previous and next message, and shows the next once its own is deleted', async () => {
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), row(web.page, 'Quarterly report').dblclick()]);
    await popup.getByTestId('message-window').waitFor();
    await popup.getByText('The figures are in the spreadsheet.').waitFor();
    await expect.poll(() => popup.title()).toBe('Quarterly report · Wren');
    await screenshot(popup, 'message-window-en');

    await popup.getByTestId('window-flag').click();
    await popup.getByTestId('window-unflag').waitFor();
    await row(web.page, 'Quarterly report').locator('.message-row__flag').waitFor();
    await serverEventually(() => serverMatching(web.lab, web.lab.users[0]!, 'INBOX', { flagged: true }), ['Quarterly report']);

    // The answer is written here; the main window's composer stays closed.
    await popup.getByTestId('window-reply').click();
    await expect.poll(() => popup.getByTestId('compose-subject').inputValue()).toBe('Re: Quarterly report');
    expect(await web.page.getByTestId('composer').count()).toBe(0);
    await popup.getByTestId('compose-discard').click();
    await popup.getByTestId('composer').waitFor({ state: 'detached' });
    // A reload of the main window does not bring the message window's composer there.
    await web.page.reload();
    await row(web.page, 'Server upgrade').waitFor();
    expect(await web.page.getByTestId('composer').count()).toBe(0);

    // k and the toolbar's Next: the message before and after it in the main window's list (newest first, it is last).
    await popup.keyboard.press('k');
    await expect.poll(() => popup.title()).toBe('Picnic on Saturday · Wren');
    await popup.getByText('Bring a blanket.').waitFor();
    await popup.getByTestId('window-next').click();
    await expect.poll(() => popup.title()).toBe('Quarterly report · Wren');
    await popup.keyboard.press('j');
    await popup.getByTestId('toast').filter({ hasText: 'No next message in this folder.' }).waitFor();

    // Deleted here: to Trash, and the window shows the message before it (it was the list's last), as Thunderbird's does.
    await popup.getByTestId('window-delete').click();
    await expect.poll(() => popup.title()).toBe('Picnic on Saturday · Wren');
    await popup.getByTestId('toast').filter({ hasText: 'Message moved to Trash.' }).waitFor();
    await screenshot(popup, 'message-window-after-delete-en');
    await row(web.page, 'Quarterly report').waitFor({ state: 'detached' });
    // And on the server, in Trash: the journal sent it as any delete.
    await serverEventually(() => serverSubjects(web.lab, web.lab.users[0]!, 'Trash'), ['Quarterly report']);
    await popup.close();
  });

  it('in Chinese, from the row menu; follows its message to Archive, and says so once it is deleted for good', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await row(web.page, 'Picnic on Saturday').click({ button: 'right' });
    expect(await web.page.getByTestId('menu-open-window').textContent()).toBe('在新窗口中打开');
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), web.page.getByTestId('menu-open-window').click()]);
    await popup.getByText('Bring a blanket.').waitFor();
    expect(await popup.getByTestId('window-reply').textContent()).toBe('回复');
    await screenshot(popup, 'message-window-zh');

    // Archived from the main window: still the same message, read from where it is now.
    await row(web.page, 'Picnic on Saturday').click();
    await web.page.keyboard.press('e');
    await row(web.page, 'Picnic on Saturday').waitFor({ state: 'detached' });
    await popup.getByText('Bring a blanket.').waitFor();
    expect(await popup.getByTestId('message-window-gone').count()).toBe(0);

    // Deleted for good from the main window's Archive: the message window no longer shows what is gone.
    await web.page.getByTestId('folder-Archive').click();
    await row(web.page, 'Picnic on Saturday').click();
    await web.page.keyboard.press('Delete');
    await web.page.getByTestId('folder-Trash').click();
    await row(web.page, 'Picnic on Saturday').click();
    await web.page.keyboard.press('Delete');
    await web.page.getByTestId('confirm-ok').click();
    await popup.getByTestId('message-window-gone').waitFor();
    expect(await popup.getByTestId('message-window-gone').textContent()).toContain('此邮件已不在这里');
    await screenshot(popup, 'message-window-gone-zh');
    const closed = popup.waitForEvent('close');
    // The button closes the page it is on; Playwright may then report the click itself as failed
    // ("Target page closed"), which is only a fault when the page did not close.
    await popup
      .getByTestId('message-window-gone')
      .getByRole('button')
      .click({ noWaitAfter: true })
      .catch((error: unknown) => {
        if (!popup.isClosed()) throw error;
      });
    await closed;
    await web.page.getByTestId('folder-INBOX').click();
    await web.page.getByTestId('language').selectOption('en');
  });

  it('with the list in threads, goes through a thread as the list shows it: a reply after what it answers', async () => {
    const user = web.lab.users[0]!.email;
    const carol = 'Carol <carol@example.test>';
    await web.lab.seed(user, 'INBOX', [
      conversationMessage({ id: 'trip', from: carol, to: user, subject: 'Walking tour', date: 'Tue, 1 Dec 2026 09:00:00 +0000', body: 'Shall we go on Sunday?' }),
      conversationMessage({ id: 'tea', from: carol, to: user, subject: 'Tea break', date: 'Tue, 1 Dec 2026 10:00:00 +0000', body: 'At four.' }),
      conversationMessage({ id: 'trip-re', inReplyTo: 'trip', from: 'Bob Lee <bob@example.test>', to: user, subject: 'Re: Walking tour', date: 'Tue, 1 Dec 2026 11:00:00 +0000', body: 'Sunday suits me.' }),
    ]);
    await web.page.getByTestId('sync-now').click();
    await row(web.page, 'Tea break').waitFor();
    await web.page.getByTestId('list-threads').click();
    // In threads, newest first: the tour (its reply is the newest) with its reply under it, then the tea break.
    const subjects = () => web.page.locator('.message-row__subject').allTextContents();
    await expect.poll(subjects).toEqual(['Walking tour', 'Re: Walking tour', 'Tea break', 'Server upgrade']);
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), web.page.getByTestId('message-row').first().dblclick()]);
    await popup.getByText('Shall we go on Sunday?').waitFor();
    // Flat, newest first, the next would be Server upgrade; in threads it is the reply.
    await popup.keyboard.press('j');
    await expect.poll(() => popup.title()).toBe('Re: Walking tour · Wren');
    await popup.getByText('Sunday suits me.').waitFor();
    await popup.getByTestId('window-next').click();
    await expect.poll(() => popup.title()).toBe('Tea break · Wren');
    await popup.keyboard.press('k');
    await expect.poll(() => popup.title()).toBe('Re: Walking tour · Wren');
    await screenshot(popup, 'message-window-threads-en');
    await popup.close();
    await web.page.getByTestId('list-threads').click();
  });
});
