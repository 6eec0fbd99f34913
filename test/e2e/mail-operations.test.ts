import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type LabUser } from '../lab/lab';
import { connectImap } from '../lab/imap-util';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { serverEventually, serverMatching, serverSubjects } from './server-subjects';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

describe('web mode: mail operations (delete, undo, drag and drop, shortcuts, folder menu), English and Chinese', () => {
  let lab: Lab;
  let user: LabUser;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  const row = (subject: string) => page.getByTestId('message-row').filter({ hasText: subject });
  const folderButton = (path: string) => page.getByTestId(`folder-${path}`).getByRole('button');
  const inbox = (subjects: string[]) => serverEventually(() => serverSubjects(lab, user, 'INBOX'), subjects);
  const notes = (...numbers: number[]) => numbers.map((n) => `Note ${n}`);

  beforeAll(async () => {
    lab = await startLab();
    user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [1, 2, 3, 4, 5, 6, 7, 8].map((n) => simpleMessage(n, { subject: 'Note', to: user.email })));
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 800 } });
    await addLabAccount(page, app.url, lab, user);
    await row('Note 8').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('deletes from the toolbar (to Trash on the server), and Undo in the toast puts it back', async () => {
    await row('Note 8').click();
    await page.getByTestId('action-delete').click();
    await row('Note 8').waitFor({ state: 'detached' });
    const toast = page.getByTestId('toast').filter({ hasText: 'Message moved to Trash.' });
    await toast.waitFor();
    await expect(row('Note 7').getAttribute('aria-selected')).resolves.toBe('true'); // the next one is selected
    await screenshot(page, 'ops-deleted-with-undo-toast');
    await serverEventually(() => serverSubjects(lab, user, 'Trash'), notes(8));

    await toast.getByTestId('toast-undo').click();
    await row('Note 8').waitFor();
    await page.getByTestId('toast').filter({ hasText: 'Undone.' }).waitFor();
    await inbox(notes(1, 2, 3, 4, 5, 6, 7, 8));
    await serverEventually(() => serverSubjects(lab, user, 'Trash'), []);
  });

  it('creates a folder from the account’s context menu, on the server', async () => {
    await page.getByTestId('folder-tree').getByRole('heading').first().click({ button: 'right' });
    await page.getByTestId('folder-menu-new').click();
    await page.getByTestId('name-input').fill('Projects');
    await screenshot(page, 'ops-new-folder-dialog');
    await page.getByTestId('name-submit').click();
    await page.getByTestId('folder-Projects').waitFor();
    const client = await connectImap(lab, user.email);
    try {
      expect((await client.list()).map((entry) => entry.path)).toContain('Projects');
    } finally {
      await client.logout();
    }
  });

  it('moves a shift-click selection dragged onto a folder', async () => {
    await row('Note 2').click();
    await row('Note 1').click({ modifiers: ['Shift'] });
    await page.getByTestId('selection-summary').filter({ hasText: '2 messages selected' }).waitFor();
    await screenshot(page, 'ops-two-selected');
    await row('Note 1').dragTo(folderButton('Projects')); // a drag without Ctrl moves
    await page.getByTestId('toast').filter({ hasText: '2 messages moved to Projects.' }).waitFor();
    await row('Note 1').waitFor({ state: 'detached' });
    await row('Note 2').waitFor({ state: 'detached' });
    await screenshot(page, 'ops-moved-by-drag-and-drop');
    await serverEventually(() => serverSubjects(lab, user, 'Projects'), notes(1, 2));
    await inbox(notes(3, 4, 5, 6, 7, 8));
  });

  it('copies with Ctrl held during the drag', async () => {
    await row('Note 3').click();
    await page.keyboard.down('Control');
    await row('Note 3').dragTo(folderButton('Projects'));
    await page.keyboard.up('Control');
    await page.getByTestId('toast').filter({ hasText: 'Message copied to Projects.' }).waitFor();
    await serverEventually(() => serverSubjects(lab, user, 'Projects'), notes(1, 2, 3));
    await inbox(notes(3, 4, 5, 6, 7, 8));
  });

  it('keyboard: j/k move, s flags, # deletes, v moves through the picker, e archives, ? lists them all', async () => {
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('j'); // the first row: Note 8
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(row('Note 8').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('s');
    await row('Note 8').getByTitle('Flagged').waitFor();

    await page.keyboard.press('j'); // Note 7
    await page.keyboard.press('#');
    await row('Note 7').waitFor({ state: 'detached' });
    await expect(row('Note 6').getAttribute('aria-selected')).resolves.toBe('true');

    await page.keyboard.press('v');
    await page.getByTestId('folder-picker-filter').fill('proj');
    await screenshot(page, 'ops-move-picker-filtered');
    await page.keyboard.press('Enter');
    await row('Note 6').waitFor({ state: 'detached' });
    // The next one is selected once the move is done; a key pressed right then acts on it, not on the one that left.
    await row('Note 5').and(page.locator('[aria-selected="true"]')).waitFor();

    await page.keyboard.press('e');
    await page.getByTestId('toast').filter({ hasText: 'Message archived.' }).waitFor();
    await row('Note 5').waitFor({ state: 'detached' });

    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    await screenshot(page, 'ops-shortcut-help');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-help').waitFor({ state: 'detached' });

    await serverEventually(() => serverSubjects(lab, user, 'Trash'), notes(7));
    await serverEventually(() => serverSubjects(lab, user, 'Projects'), notes(1, 2, 3, 6));
    await serverEventually(() => serverSubjects(lab, user, 'Archive'), notes(5));
    await inbox(notes(3, 4, 8));
    await serverEventually(() => serverMatching(lab, user, 'INBOX', { flagged: true }), notes(8));
  });

  it('in Chinese: select all, the summary, the context menu, the toast and the shortcut list', async () => {
    await page.getByTestId('language').selectOption('zh');
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('Control+a');
    await page.getByTestId('selection-summary').filter({ hasText: '已选择 3 封邮件' }).waitFor();
    await row('Note 3').click({ button: 'right' });
    await page.getByRole('menu').getByText('移动到…').waitFor();
    await screenshot(page, 'ops-context-menu-zh');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Shift+I');
    await page.getByTestId('toast').filter({ hasText: '已将 3 封邮件标记为已读。' }).waitFor();
    await screenshot(page, 'ops-marked-read-toast-zh');
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').filter({ hasText: '键盘快捷键' }).waitFor();
    await screenshot(page, 'ops-shortcut-help-zh');
    await page.keyboard.press('Escape');

    await serverEventually(() => serverMatching(lab, user, 'INBOX', { seen: false }), []);
  });
});
