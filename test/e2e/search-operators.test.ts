import { beforeAll, describe, expect, it } from 'vitest';
import { englishMail, gbkMail, utf8ChineseMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: search operators (is:, has:, in:, account:, dates, sizes, the minus)', () => {
  const web = webSession();
  const rows = () => web.page.getByTestId('message-row');
  const box = () => web.page.getByTestId('search-box');

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await rows().filter({ hasText: 'Quarterly budget review' }).waitFor();
  });

  it('lists the operators by the box; one picked joins the words and narrows the results', async () => {
    await web.page.getByTestId('search-operators').click();
    await web.page.getByTestId('search-op-unread').waitFor();
    await screenshot(web.page, 'search-operators-en');
    await web.page.getByTestId('search-op-flagged').click();
    expect(await box().inputValue()).toBe('is:starred ');
    await web.page.getByText('No message matches.').waitFor();

    // Flag one message, and the same search finds it.
    await web.page.getByTestId('search-clear').click();
    await rows().filter({ hasText: 'Quarterly budget review' }).click();
    await web.page.keyboard.press('s');
    await rows().filter({ hasText: 'Quarterly budget review' }).locator('.message-row__flag').waitFor();
    await box().fill('is:flagged');
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining('Quarterly budget review')]);
  });

  it('narrows by the day sent, alone or beside words', async () => {
    await box().fill('before:2026-01-01');
    // The GBK message, sent in 2025.
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining('会议通知')]);
    await box().fill('after:2026-11-15');
    await expect.poll(() => rows().count()).toBe(2);
    await box().fill('after:2026-11-15 budget');
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining('Quarterly budget review')]);
    await screenshot(web.page, 'search-operators-dates-en');
    // Either of two operators: the starred one (flagged above) or the one sent in 2025.
    await box().fill('is:flagged OR before:2026-01-01');
    await expect.poll(async () => (await rows().allInnerTexts()).map((text) => (text.includes('会议通知') ? 'gbk' : text.includes('Quarterly budget review') ? 'flagged' : text))).toEqual(['flagged', 'gbk']);
  });

  it('narrows to an account with account:, picked from the list; account:local is the Local Folders', async () => {
    await web.page.getByTestId('search-clear').click();
    await web.page.getByTestId('search-operators').click();
    await web.page.getByTestId('search-op-account').click();
    expect(await box().inputValue()).toBe('account:');
    await web.page.keyboard.type(`${web.lab.users[0]!.email} budget`);
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining('Quarterly budget review')]);
    await screenshot(web.page, 'search-account-en');
    await box().fill('budget account:local');
    await web.page.getByText('No message matches.').waitFor();
    await box().fill(`budget -account:${web.lab.users[0]!.email}`);
    await web.page.getByText('No message matches.').waitFor();
  });

  it('leaves out what a minus names, and narrows to a folder with in:', async () => {
    await web.page.getByTestId('search-clear').click();
    await web.page.getByTestId('search-operators').click();
    await web.page.getByTestId('search-op-not').click();
    expect(await box().inputValue()).toBe('-');
    await web.page.keyboard.type('budget');
    await expect.poll(() => rows().count()).toBe(2);
    expect((await rows().allInnerTexts()).join('\n')).not.toContain('Quarterly budget review');
    await screenshot(web.page, 'search-minus-en');
    await box().fill('in:trash');
    await web.page.getByText('No message matches.').waitFor();
    await box().fill('in:收件箱 -from:nobody -budget');
    await expect.poll(() => rows().count()).toBe(2);
    await box().fill('-in:inbox');
    await web.page.getByText('No message matches.').waitFor();
  });

  it('in Chinese: the same list in Chinese words', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('search-operators').click();
    const unread = web.page.getByTestId('search-op-unread');
    expect(await unread.innerText()).toContain('未读邮件');
    await screenshot(web.page, 'search-operators-zh');
    expect(await web.page.getByTestId('search-op-not').innerText()).toContain('排除');
    await unread.click();
    expect(await box().inputValue()).toBe('-in:inbox is:unread ');
    await web.page.getByTestId('language').selectOption('en');
  });
});
