import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const listMessage = (subject: string, unsubscribe: string) => [
  'From: 每周新闻 <news@lists.example.org>',
  'To: alice@example.test',
  `Subject: ${subject}`,
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  `Message-ID: <${Buffer.from(subject).toString('hex')}@lists.example.org>`,
  `List-Unsubscribe: ${unsubscribe}`,
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  '本周要闻。',
  '',
].join('\r\n');

describe('web mode: Unsubscribe on a mailing list\'s message (Thunderbird\'s), in Chinese', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    const user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [
      listMessage('每周要闻', '<https://lists.example.org/unsubscribe?list=weekly>, <mailto:leave@lists.example.org>'),
      listMessage('讨论组', '<mailto:leave-talk@lists.example.org?subject=unsubscribe>'),
      ['From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: Lunch', 'Date: Tue, 01 Dec 2026 10:00:00 +0000', '', 'Noon?', ''].join('\r\n'),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await row('Lunch').waitFor();
  });

  it('opens the list\'s page for one with a web address, and offers nothing on a message that is on no list', async () => {
    await row('每周要闻').click();
    const button = web.page.getByTestId('list-unsubscribe');
    await button.waitFor();
    expect(await button.textContent()).toBe('退订');
    expect(await button.getAttribute('title')).toBe('退出此邮件列表：打开 lists.example.org 上的退订页面');
    await screenshot(web.page, 'list-unsubscribe-zh');
    // This machine has no internet: the list's page is answered here, so the tab shows where it went.
    await web.context.route('https://lists.example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>Unsubscribed.</p>' }));
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), button.click()]);
    await popup.getByText('Unsubscribed.').waitFor();
    expect(popup.url()).toBe('https://lists.example.org/unsubscribe?list=weekly');
    await popup.close();
    await row('Lunch').click();
    await web.page.getByText('Noon?').waitFor();
    expect(await web.page.getByTestId('list-unsubscribe').count()).toBe(0);
  });

  it('writes to the list\'s address for one with only a mailto:, in the composer, for the user to send', async () => {
    await row('讨论组').click();
    await web.page.getByTestId('list-unsubscribe').click();
    await web.page.getByTestId('composer').waitFor();
    expect((await web.page.getByTestId('address-chip').allTextContents()).map((chip) => chip.replace('×', ''))).toEqual(['leave-talk@lists.example.org']);
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('unsubscribe');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
  });
});
