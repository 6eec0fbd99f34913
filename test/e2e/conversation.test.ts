import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage, seededConversation } from '../lab/conversation-messages';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: a message’s conversation in the reading pane', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const items = () => web.page.getByTestId('conversation-item');

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    const { inbox, sent } = seededConversation(bob.email);
    await web.lab.seed(bob.email, 'INBOX', inbox);
    await web.lab.seed(bob.email, 'Sent', sent);
    await addLabAccount(web.page, web.app.url, web.lab, bob);
    await web.page.getByTestId('message-row').nth(2).waitFor();
  });

  it('lists the question, the user’s reply from Sent and the answer, and shows another one’s text under its line', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Re: 周五的会议' }).click();
    await web.page.getByTestId('conversation').waitFor();
    expect(await web.page.getByTestId('conversation-toggle').textContent()).toContain('对话 · 3 封邮件');
    await expect.poll(() => items().count()).toBe(3);
    expect(await items().nth(1).textContent()).toContain('已发送');
    expect(await items().nth(2).getAttribute('aria-current')).toBe('true');
    await items().nth(1).getByRole('button').click();
    await expect.poll(() => items().nth(1).getByTestId('conversation-text').textContent()).toContain('可以，三楼会议室见。');
    await screenshot(web.page, 'conversation-zh');
  });

  it('marks a message read when it is opened in the conversation', async () => {
    const inbox = web.page.getByTestId('folder-INBOX');
    await expect.poll(() => inbox.textContent()).toContain('2'); // the open answer was read; the question and Lunch? are not
    await items().nth(0).getByRole('button').click();
    await expect.poll(() => items().nth(0).getByTestId('conversation-text').textContent()).toContain('周五下午两点可以吗？');
    await expect.poll(() => inbox.textContent()).toContain('1');
  });

  it('takes in a reply that arrives while the message is open (IDLE)', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Re: 周五的会议' }).click();
    await expect.poll(() => items().count()).toBe(3);
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [conversationMessage({ id: 'q4', inReplyTo: 'q3', from: web.lab.users[1]!.email,
      to: 'Carol <carol@example.test>', subject: 'Re: 周五的会议', date: 'Mon, 30 Nov 2026 12:30:00 +0000', body: '不客气。' })]);
    await expect.poll(() => items().count(), { timeout: 15_000 }).toBe(4);
  });

  it('shows no conversation for a message that has none', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Lunch?' }).click();
    await web.page.getByTestId('message-text').filter({ hasText: 'Noon?' }).waitFor();
    expect(await web.page.getByTestId('conversation').count()).toBe(0);
  });
});
