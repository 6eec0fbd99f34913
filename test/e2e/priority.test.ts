import { beforeAll, describe, expect, it } from 'vitest';
import { serverSourceEventually } from '../lab/server-subjects';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const URGENT = [
  'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', 'Subject: Server down', 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <down@example.test>', 'X-Priority: 1 (Highest)', 'Importance: High', 'Content-Type: text/plain; charset=utf-8', '', 'Please call me.', '',
].join('\r\n');

describe('web mode: message priority (Thunderbird\'s Options ▸ Priority)', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [URGENT]);
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, web.lab.users[0]!, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await row('Server down').waitFor();
  });

  it('marks a high priority in the list (the header sync reads it) and names it under the date, in English and Chinese', async () => {
    expect(await row('Server down').getByTestId('priority-mark').getAttribute('title')).toBe('Priority: High');
    await row('Server down').click();
    await web.page.getByText('Please call me.').waitFor();
    expect(await web.page.getByTestId('message-priority').textContent()).toBe('PriorityHigh');
    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => web.page.getByTestId('message-priority').textContent()).toBe('优先级高');
    await screenshot(web.page, 'priority-high-zh');
    await web.page.getByTestId('language').selectOption('en');
  });

  it('sends a reply with the priority chosen in the composer', async () => {
    await web.page.getByTestId('action-reply').click();
    // Thunderbird's five levels; High writes X-Priority 2, as Thunderbird's does.
    // Polled: the composer opens a moment after the click (this read once found it not there yet).
    await expect.poll(() => web.page.getByTestId('compose-priority').locator('option').allTextContents()).toEqual(['Highest', 'High', 'Normal', 'Low', 'Lowest']);
    await web.page.getByTestId('compose-priority').selectOption('high');
    await web.page.getByTestId('compose-body').press('Control+Home');
    await web.page.getByTestId('compose-body').pressSequentially('Calling now.');
    await screenshot(web.page, 'compose-priority-en');
    await web.page.getByTestId('compose-send').click();
    const source = await serverSourceEventually(web.lab, web.lab.users[1]!, 'INBOX', 'Re: Server down');
    expect(source).toMatch(/^X-Priority: 2 \(High\)\r$/m);
    expect(source).toMatch(/^Importance: High\r$/m);
    // Its Sent copy is marked in the list too.
    await web.page.getByTestId('folder-Sent').click();
    await row('Re: Server down').getByTestId('priority-mark').waitFor();
    await screenshot(web.page, 'priority-list-en');
  });
});
