import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/**
 * A right click opened the message and marked it read (the normal click's path). Now, as in Thunderbird and Gmail, the
 * menu acts on the row right-clicked without opening or selecting it; what was being read stays.
 */
describe('web mode: a message\'s context menu acts on its row without opening it', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const subject = () => web.page.getByTestId('message-subject').textContent();
  const unread = (subject: string) => row(subject).evaluate((element) => element.classList.contains('message-row--unread'));
  const selected = (subject: string) => row(subject).getAttribute('aria-selected');

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [simpleMessage(1, { subject: 'Alpha' }), simpleMessage(2, { subject: 'Bravo' }), simpleMessage(3, { subject: 'Charlie' })]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Charlie').waitFor();
  });

  it('the row right-clicked is outlined, not opened, not read; the selection stays; its actions act on it alone', async () => {
    await row('Alpha').click();
    await expect.poll(subject).toBe('Subject: Alpha 1');
    await row('Bravo').click({ button: 'right' });
    await web.page.getByRole('menu').waitFor();
    // Left open a while, as the QA pass did: a delayed mark-read would show by now.
    await web.page.waitForTimeout(3_000);
    expect(await unread('Bravo')).toBe(true);
    expect(await selected('Bravo')).toBe('false');
    expect(await selected('Alpha')).toBe('true');
    expect(await subject()).toBe('Subject: Alpha 1');
    expect(await row('Bravo').evaluate((element) => element.classList.contains('message-row--menu-target'))).toBe(true);
    await screenshot(web.page, 'context-menu-target-open');
    await web.page.keyboard.press('Escape');
    await web.page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await selected('Alpha')).toBe('true');
    expect(await unread('Bravo')).toBe(true);

    // Flag and Mark as read from Bravo's menu: Bravo changes, Alpha stays open.
    await row('Bravo').click({ button: 'right' });
    await web.page.getByTestId('menu-flag').click();
    await row('Bravo').locator('.message-row__flag').waitFor();
    await row('Bravo').click({ button: 'right' });
    await web.page.getByTestId('menu-mark-read').click();
    await expect.poll(() => unread('Bravo')).toBe(false);
    expect(await row('Alpha').locator('.message-row__flag').count()).toBe(0);
    expect(await subject()).toBe('Subject: Alpha 1');
    // Delete from Charlie's menu: Charlie goes; Alpha, being read, stays selected and open.
    await row('Charlie').click({ button: 'right' });
    await web.page.getByTestId('menu-delete').click();
    await row('Charlie').waitFor({ state: 'detached' });
    expect(await selected('Alpha')).toBe('true');
    expect(await subject()).toBe('Subject: Alpha 1');
  });

  it('Shift+F10 on the list opens the focused message\'s menu', async () => {
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('Shift+F10');
    const menu = web.page.getByRole('menu');
    await menu.waitFor();
    // Alpha's: it is the focused row, which the menu acts on.
    expect(await row('Alpha').evaluate((element) => element.classList.contains('message-row--menu-target'))).toBe(true);
    expect(await menu.getByRole('menuitem').first().textContent()).toBe('Open in new window');
    await screenshot(web.page, 'context-menu-keyboard');
    await web.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });
});
