import { beforeAll, describe, expect, it } from 'vitest';
import { padded, simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Thunderbird's n and p, and its space bar: the next and previous unread message in the list, read ones passed over. */
describe('web mode: next and previous unread', () => {
  const web = webSession();
  const selected = () => web.page.locator('.message-row--selected .message-row__subject').innerText();

  beforeAll(async () => {
    const alice = web.lab.users[0]!.email;
    // Newest first in the list: Long 5, Unread 4, Read 3, Read 2, Unread 1.
    await web.lab.seed(alice, 'INBOX', [simpleMessage(1, { subject: 'Unread' }), simpleMessage(4, { subject: 'Unread' }), padded(simpleMessage(5, { subject: 'Long' }), 40_000)]);
    await web.lab.seed(alice, 'INBOX', [simpleMessage(2, { subject: 'Read' }), simpleMessage(3, { subject: 'Read' })], { flags: ['\\Seen'] });
    // Another folder with unread mail, for going on past the Inbox's last; and one only read.
    await web.lab.seed(alice, 'Lists', [simpleMessage(6, { subject: 'List news' })]);
    await web.lab.seed(alice, 'Old', [simpleMessage(7, { subject: 'Old news' })], { flags: ['\\Seen'] });
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await web.page.getByTestId('message-row').nth(4).waitFor();
  });

  it('n passes over the read messages to the next unread one, p comes back, and the end is said', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Unread 4' }).click();
    await web.page.keyboard.press('n');
    await expect.poll(selected).toBe('Unread 1');
    await web.page.keyboard.press('n');
    await web.page.getByText('No unread message below in this list. Press n or the space bar again for Lists (1 unread).').waitFor();
    await screenshot(web.page, 'next-unread-en');
    await web.page.keyboard.press('p');
    await expect.poll(selected).toBe('Unread 4');
  });

  it('the space bar pages down the open message, and at its end goes on to the next unread one', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Long 5' }).click();
    await web.page.getByTestId('message-text').waitFor();
    const pane = web.page.getByTestId('reading-pane');
    const scrolled = () => pane.evaluate((element) => element.scrollTop);
    await web.page.keyboard.press('Space');
    await expect.poll(scrolled).toBeGreaterThan(0);
    const first = await scrolled();
    await web.page.keyboard.press('Shift+Space');
    await expect.poll(scrolled).toBeLessThan(first);
    // Down to its end, then on: the next unread below it.
    for (let press = 0; press < 40 && (await selected()) === 'Long 5'; press++) await web.page.keyboard.press('Space');
    await expect.poll(selected).toBe('Unread 4');
  });

  it('past the Inbox\'s last unread message, n again opens the next folder with unread mail at its first unread one, in Chinese too', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('message-row').filter({ hasText: 'Unread 1' }).click();
    await web.page.keyboard.press('n');
    await web.page.getByText('此列表下方没有未读邮件。再按 n 或空格键转到 Lists（1 封未读）。').waitFor();
    await screenshot(web.page, 'next-unread-folder-zh');
    await web.page.keyboard.press('n');
    await expect.poll(selected).toBe('List news 6');
    await web.page.getByTestId('reading-pane').getByText('List news 6').first().waitFor();
    await web.page.getByTestId('language').selectOption('en');
  });
});
