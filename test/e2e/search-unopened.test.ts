import { beforeAll, describe, expect, it } from 'vitest';
import { englishMail, gbkMail, utf8ChineseMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: searching words in mail whose text is not on this computer yet', () => {
  const web = webSession();
  const rows = () => web.page.getByTestId('message-row');
  const note = () => web.page.getByTestId('search-textless');

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await rows().filter({ hasText: 'Quarterly budget review' }).waitFor();
  });

  it('says that only the headers of unopened messages were searched (en, zh), and finds the word once the message was read', async () => {
    await web.page.getByTestId('search-box').fill('procurement');
    await note().waitFor();
    expect(await note().textContent()).toContain('The text of 3 messages is not on this computer (never opened)');
    expect(await rows().count()).toBe(0);
    await screenshot(web.page, 'search-textless-en');
    await web.page.getByTestId('language').selectOption('zh');
    await note().getByText('有 3 封邮件的正文不在这台电脑上', { exact: false }).waitFor();
    await screenshot(web.page, 'search-textless-zh');
    await web.page.getByTestId('language').selectOption('en');

    await web.page.getByTestId('search-clear').click();
    await rows().filter({ hasText: 'Quarterly budget review' }).click();
    await web.page.getByTestId('message-text').filter({ hasText: 'procurement figures' }).waitFor();
    await web.page.getByTestId('search-box').fill('procurement');
    await rows().filter({ hasText: 'Quarterly budget review' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => note().textContent()).toContain('The text of 2 messages');
  });

  it('Search on server finds a word in the text of a message never opened (GBK), downloads it, and lists it', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('search-box').fill('三楼');
    // 三楼 is in the GBK message's body only, which was never opened: no row, two messages without their text.
    await expect.poll(() => rows().count()).toBe(0);
    await note().getByText('有 2 封邮件的正文不在这台电脑上', { exact: false }).waitFor();
    const button = web.page.getByTestId('search-server');
    expect(await button.textContent()).toBe('在服务器上搜索这 2 封邮件的正文');
    await button.click();
    await web.page.getByTestId('search-server-done').getByText('服务器在 1 封邮件中找到了这些词', { exact: false }).waitFor();
    await rows().filter({ hasText: '会议通知' }).waitFor({ timeout: 15_000 });
    await screenshot(web.page, 'search-server-zh');
    await web.page.getByTestId('language').selectOption('en');
    await expect.poll(() => web.page.getByTestId('search-server-done').textContent()).toContain('The server found the words in 1 message');
    await expect.poll(() => note().textContent()).toContain('The text of 1 message');
    await screenshot(web.page, 'search-server-en');
  });
});

