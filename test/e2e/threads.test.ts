import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage } from '../lab/conversation-messages';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: the list in threads (View ▸ Threads in Thunderbird)', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const rows = () => web.page.getByTestId('message-row');
  /** Each row as its indent (the row's padding, a step per level) and subject. */
  const shape = async () =>
    rows().evaluateAll((elements) =>
      elements
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((row) => `${(row as unknown as { style: { paddingInlineStart: string } }).style.paddingInlineStart} ${row.querySelector('.message-row__subject')!.textContent!.trim()}`),
    );

  const dan = 'Dan <dan@example.test>';
  /** The Inbox in threads once the last replies came. */
  const expanded = ['12px 季度预算', '28px Re: 季度预算', '44px Re: Re: 季度预算', '28px Re: 季度预算', '28px Re: 季度预算（补充）', '12px Lunch'];

  beforeAll(async () => {
    const user = web.lab.users[1]!.email;
    await web.lab.seed(user, 'INBOX', [
      conversationMessage({ id: 't1', from: dan, to: user, subject: '季度预算', date: 'Mon, 30 Nov 2026 09:00:00 +0000', body: '请看附件。' }),
      conversationMessage({ id: 't2', inReplyTo: 't1', from: 'Eve <eve@example.test>', to: user, subject: 'Re: 季度预算', date: 'Mon, 30 Nov 2026 10:00:00 +0000', body: '第二页有误。' }),
      conversationMessage({ id: 't3', inReplyTo: 't2', from: dan, to: user, subject: 'Re: Re: 季度预算', date: 'Mon, 30 Nov 2026 13:00:00 +0000', body: '已改正。' }),
      conversationMessage({ id: 'solo', from: 'Fay <fay@example.test>', to: user, subject: 'Lunch', date: 'Mon, 30 Nov 2026 12:00:00 +0000', body: 'Noon?' }),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await rows().nth(3).waitFor();
  });

  it('Threads puts replies under what they answer, the thread where its newest reply sorts; kept after a reload', async () => {
    expect((await shape()).map((row) => row.split(' ').slice(1).join(' '))).toEqual(['Re: Re: 季度预算', 'Lunch', 'Re: 季度预算', '季度预算']);
    const threads = web.page.getByTestId('list-threads');
    expect(await threads.textContent()).toBe('会话');
    await threads.click();
    await expect.poll(shape).toEqual(['12px 季度预算', '28px Re: 季度预算', '44px Re: Re: 季度预算', '12px Lunch']);
    expect(await threads.getAttribute('aria-pressed')).toBe('true');
    await screenshot(web.page, 'threads-zh');
    await web.page.reload();
    await expect.poll(shape).toEqual(['12px 季度预算', '28px Re: 季度预算', '44px Re: Re: 季度预算', '12px Lunch']);
  });

  it('the twisty collapses a thread to its first message, showing how many it holds and unread while any is; clicking it again expands', async () => {
    const twisty = web.page.getByTestId('thread-twisty');
    await expect.poll(() => twisty.count()).toBe(1);
    await twisty.click();
    await expect.poll(shape).toEqual(['12px 季度预算', '12px Lunch']);
    expect(await twisty.textContent()).toBe('▸ 3');
    // The count is of messages, not rows: the collapsed thread's three are still in the folder.
    expect(await web.page.locator('.message-list__count').textContent()).toBe('4 封邮件');
    expect(await twisty.getAttribute('aria-label')).toBe('展开此会话（3 封，3 封未读）');
    expect(await rows().first().getAttribute('class')).toContain('message-row--unread');
    await screenshot(web.page, 'threads-collapsed-zh');
    // A thread collapsed by hand stays so after a reload (a restart), as in Thunderbird.
    await web.page.reload();
    await expect.poll(shape).toEqual(['12px 季度预算', '12px Lunch']);
    await twisty.click();
    await expect.poll(shape).toEqual(['12px 季度预算', '28px Re: 季度预算', '44px Re: Re: 季度预算', '12px Lunch']);
    // Opening a reply reads it in the pane as in any list; ← and → collapse and expand its thread, as in Thunderbird.
    await rows().filter({ hasText: 'Re: Re: 季度预算' }).click();
    await web.page.getByText('已改正。').waitFor();
    await web.page.keyboard.press('ArrowLeft');
    await expect.poll(shape).toEqual(['12px 季度预算', '12px Lunch']);
    await web.page.keyboard.press('ArrowRight');
    await expect.poll(shape).toEqual(['12px 季度预算', '28px Re: 季度预算', '44px Re: Re: 季度预算', '12px Lunch']);
  });

  it('a reply that arrives joins its thread, and so does one answering a message that is not here, by its References', async () => {
    const user = web.lab.users[1]!.email;
    await web.lab.seed(user, 'INBOX', [
      conversationMessage({ id: 't4', inReplyTo: 't1', from: 'Gus <gus@example.test>', to: user, subject: 'Re: 季度预算', date: 'Mon, 30 Nov 2026 14:00:00 +0000', body: '同意。' }),
      // t5 went to someone else; its answer names the thread's first message first in its References.
      conversationMessage({
        id: 't6', inReplyTo: 't5', references: ['t1', 't5'], from: dan, to: user, subject: 'Re: 季度预算（补充）',
        date: 'Mon, 30 Nov 2026 15:00:00 +0000', body: '补充一点。',
      }),
    ]);
    await web.page.getByTestId('sync-now').click();
    await expect.poll(shape, { timeout: 20_000 }).toEqual(expanded);
    // The open first message's conversation, in the reading pane, takes both in too.
    await rows().first().click();
    await expect.poll(() => web.page.getByTestId('conversation-item').count()).toBe(5);
    await screenshot(web.page, 'threads-by-references-zh');
  });

  it('\\ collapses every thread of the folder and * expands them, as in Thunderbird; the folder stays collapsed after a reload', async () => {
    await rows().filter({ hasText: 'Re: Re: 季度预算' }).click();
    await web.page.keyboard.press('\\');
    await expect.poll(shape).toEqual(['12px 季度预算', '12px Lunch']);
    expect(await web.page.getByTestId('thread-twisty').textContent()).toBe('▸ 5');
    // The focus went up to the thread's first message, the row that stays.
    expect(await rows().filter({ hasText: '季度预算' }).getAttribute('aria-selected')).toBe('true');
    await web.page.reload();
    await expect.poll(shape).toEqual(['12px 季度预算', '12px Lunch']);
    await screenshot(web.page, 'threads-collapsed-all-zh');
    // One thread expanded by hand while the rest stay collapsed, kept so after a reload; * then expands them all, for good.
    await web.page.getByTestId('thread-twisty').click();
    await expect.poll(shape).toEqual(expanded);
    await web.page.reload();
    await expect.poll(shape).toEqual(expanded);
    await rows().filter({ hasText: 'Lunch' }).click();
    await web.page.keyboard.press('\\');
    await expect.poll(shape).toEqual(['12px 季度预算', '12px Lunch']);
    await web.page.keyboard.press('*');
    await expect.poll(shape).toEqual(expanded);
    await web.page.reload();
    await expect.poll(shape).toEqual(expanded);
  });
});

describe('web mode: an action on a collapsed thread takes the whole thread, as in Thunderbird', () => {
  const web = webSession();
  const rows = () => web.page.getByTestId('message-row');
  const subjects = async () => (await rows().locator('.message-row__subject').allInnerTexts()).map((s) => s.trim());

  beforeAll(async () => {
    const user = web.lab.users[0]!.email;
    const amy = 'Amy <amy@example.test>';
    await web.lab.seed(user, 'INBOX', [
      conversationMessage({ id: 'd1', from: amy, to: user, subject: 'Offsite', date: 'Mon, 30 Nov 2026 09:00:00 +0000', body: 'Where?' }),
      conversationMessage({ id: 'd2', inReplyTo: 'd1', from: amy, to: user, subject: 'Re: Offsite', date: 'Mon, 30 Nov 2026 10:00:00 +0000', body: 'Here.' }),
      conversationMessage({ id: 'd3', inReplyTo: 'd2', from: amy, to: user, subject: 'Re: Re: Offsite', date: 'Mon, 30 Nov 2026 11:00:00 +0000', body: 'OK.' }),
      conversationMessage({ id: 'keep', from: amy, to: user, subject: 'Keep me', date: 'Mon, 30 Nov 2026 08:00:00 +0000', body: 'Stay.' }),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await rows().nth(3).waitFor();
  });

  it('Delete on the collapsed thread moves all three to Trash; Undo brings all three back', async () => {
    await web.page.getByTestId('list-threads').click();
    await web.page.getByTestId('thread-twisty').click();
    await expect.poll(subjects).toEqual(['Offsite', 'Keep me']);
    await rows().filter({ hasText: 'Offsite' }).click();
    await web.page.keyboard.press('Delete');
    await expect.poll(subjects).toEqual(['Keep me']);
    const toast = web.page.getByTestId('toast').filter({ hasText: '3 messages moved to Trash.' });
    await toast.waitFor();
    await web.page.getByTestId('folder-Trash').getByRole('button').click();
    await expect.poll(async () => (await subjects()).sort()).toEqual(['Offsite', 'Re: Offsite', 'Re: Re: Offsite']);
    await toast.getByTestId('toast-undo').click();
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await expect.poll(subjects).toEqual(['Offsite', 'Keep me']);
    expect(await web.page.getByTestId('thread-twisty').textContent()).toBe('▸ 3');
  });
});
