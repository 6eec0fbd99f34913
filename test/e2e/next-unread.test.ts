import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Thunderbird's n and p: the next and previous unread message in the list, read ones passed over. */
describe('web mode: next and previous unread', () => {
  const web = webSession();
  const selected = () => web.page.locator('.message-row--selected .message-row__subject').innerText();

  beforeAll(async () => {
    const alice = web.lab.users[0]!.email;
    // Newest first in the list: Unread 4, Read 3, Read 2, Unread 1.
    await web.lab.seed(alice, 'INBOX', [simpleMessage(1, { subject: 'Unread' }), simpleMessage(4, { subject: 'Unread' })]);
    await web.lab.seed(alice, 'INBOX', [simpleMessage(2, { subject: 'Read' }), simpleMessage(3, { subject: 'Read' })], { flags: ['\\Seen'] });
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await web.page.getByTestId('message-row').nth(3).waitFor();
  });

  it('n passes over the read messages to the next unread one, p comes back, and the end is said', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Unread 4' }).click();
    await web.page.keyboard.press('n');
    await expect.poll(selected).toBe('Unread 1');
    await web.page.keyboard.press('n');
    await web.page.getByText('No unread message below in this list.').waitFor();
    await screenshot(web.page, 'next-unread-en');
    await web.page.keyboard.press('p');
    await expect.poll(selected).toBe('Unread 4');
  });
});
