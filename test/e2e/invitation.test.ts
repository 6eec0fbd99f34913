import { beforeAll, describe, expect, it } from 'vitest';
import { connectImap } from '../lab/imap-util';
import { invitationMessage } from '../lab/invitation-message';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** The calendar parts in a lab user's Inbox, as another device sees them. */
async function calendarsIn(lab: Parameters<typeof connectImap>[0], user: string): Promise<string[]> {
  const client = await connectImap(lab, user);
  try {
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    if (mailbox.exists === 0) return [];
    return (await client.fetchAll('1:*', { source: true })).map((m) => m.source?.toString() ?? '');
  } finally {
    await client.logout();
  }
}

describe('web mode: a calendar invitation in the reading pane', () => {
  // Shanghai: the event's 14:00 China Standard Time shows as 2:00 PM, as a user there sees it.
  const web = webSession({ page: { timezoneId: 'Asia/Shanghai' } });
  const open = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject }).click();
  const card = () => web.page.getByTestId('invitation');

  beforeAll(async () => {
    const [alice, bob] = [web.lab.users[0]!.email, web.lab.users[1]!.email];
    await web.lab.seed(bob, 'INBOX', [
      invitationMessage({ organizer: alice, attendees: [bob, 'eve@example.test'], summary: 'Budget review', messageId: '<inv-e2e@example.test>', recurring: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10' }),
      invitationMessage({ organizer: alice, method: 'CANCEL', summary: '周五午餐', uid: 'lunch', messageId: '<cancel-e2e@example.test>', recurring: 'FREQ=MONTHLY;BYDAY=1FR' }),
    ]);
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, web.lab.users[1]!, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('message-row').nth(1).waitFor();
  });

  it('shows the event in the user\'s time; Accept answers the organizer, whose mailbox gets the REPLY', async () => {
    await open('Budget review');
    await card().waitFor();
    expect(await web.page.getByTestId('invitation-when').textContent()).toMatch(/^Tue, Dec 8, 2026, 2:00\s–\s3:00\sPM$/);
    expect(await card().textContent()).toContain('Dan Li <alice@example.test>');
    expect(await web.page.getByTestId('invitation-repeats').textContent()).toBe('Every week on Tuesday, 10 times');
    await screenshot(web.page, 'invitation-en');
    await web.page.getByTestId('invitation-accepted').click();
    await web.page.getByTestId('invitation-answered').waitFor();
    const alice = web.lab.users[0]!.email;
    await expect.poll(async () => (await calendarsIn(web.lab, alice)).some((source) => source.includes('Subject: Accepted: Budget review')), { timeout: 20_000 }).toBe(true);
    const reply = (await calendarsIn(web.lab, alice)).find((source) => source.includes('Subject: Accepted: Budget review'))!;
    expect(reply).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REPLY/);
  });

  it('a cancellation, in Chinese: said plainly, nothing to answer', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await open('周五午餐');
    await card().waitFor();
    expect(await card().textContent()).toMatch(/^📅 此活动已取消周五午餐时间/);
    expect(await web.page.getByTestId('invitation-accepted').count()).toBe(0);
    expect(await web.page.getByTestId('invitation-repeats').textContent()).toBe('每月的第一个星期五');
    await screenshot(web.page, 'invitation-cancelled-zh');
    await web.page.getByTestId('language').selectOption('en');
  });
});
