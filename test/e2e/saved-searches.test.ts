import { beforeAll, describe, expect, it } from 'vitest';
import { englishMail, gbkMail, utf8ChineseMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: saved searches (Thunderbird\'s search folders)', () => {
  const web = webSession();
  const rows = () => web.page.getByTestId('message-row');
  const saved = () => web.page.getByTestId('saved-search');

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await rows().filter({ hasText: 'Quarterly budget review' }).waitFor();
  });

  it('saves the query searched under a name; opened later from the folders, it shows the matching mail again', async () => {
    await web.page.getByTestId('search-box').fill('subject:会议');
    await expect.poll(() => rows().count()).toBe(1);
    await web.page.getByTestId('search-save').click();
    const dialog = web.page.getByRole('dialog');
    expect(await dialog.getByRole('textbox').inputValue()).toBe('subject:会议');
    await dialog.getByRole('textbox').fill('Meetings');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await web.page.getByText('Saved search “Meetings” is among your folders').waitFor();
    // Saved: the results take its name, and there is nothing left to save.
    await web.page.locator('.message-list__folder', { hasText: 'Meetings' }).waitFor();
    expect(await web.page.getByTestId('search-save').count()).toBe(0);
    expect(await saved().locator('.folder-row__name').allInnerTexts()).toEqual(['Meetings']);

    // Back to the Inbox (the search ends), then the saved search runs it again.
    await web.page.getByTestId('folder-INBOX').click();
    await expect.poll(() => rows().count()).toBe(3);
    await saved().click();
    await expect.poll(() => rows().count()).toBe(1);
    await rows().filter({ hasText: '会议通知：明天下午三点开会' }).waitFor();
    expect(await web.page.getByTestId('search-box').inputValue()).toBe('subject:会议');
    expect(await saved().getByRole('button').getAttribute('aria-current')).toBe('true');
    // Its unread mail is counted beside its name, as a folder's; reading it takes the count away.
    await expect.poll(() => saved().getByTestId('saved-search-unread').textContent()).toBe('1');
    await screenshot(web.page, 'saved-search-en');
    await rows().filter({ hasText: '会议通知：明天下午三点开会' }).click();
    await saved().getByTestId('saved-search-unread').waitFor({ state: 'detached' });
  });

  it('in Chinese: renamed and deleted from its menu, after a confirmation; the mail stays', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await saved().click({ button: 'right' });
    await web.page.getByTestId('saved-search-rename').click();
    const dialog = web.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('会议邮件');
    await screenshot(web.page, 'saved-search-rename-zh');
    await dialog.getByRole('button', { name: '重命名' }).click();
    await web.page.getByText('已保存的搜索已重命名为“会议邮件”。').waitFor();
    expect(await saved().locator('.folder-row__name').allInnerTexts()).toEqual(['会议邮件']);
    await saved().click({ button: 'right' });
    await web.page.getByTestId('saved-search-remove').click();
    expect(await web.page.getByTestId('confirm-dialog').textContent()).toContain('只删除这个搜索：它找到的邮件仍留在原处。');
    await web.page.getByTestId('confirm-ok').click();
    await web.page.getByTestId('saved-searches').waitFor({ state: 'detached' });
    await web.page.getByTestId('folder-INBOX').click();
    await expect.poll(() => rows().count()).toBe(3);
    await web.page.getByTestId('language').selectOption('en');
  });
});
