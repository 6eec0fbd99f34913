import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { serverEventually, serverSubjects } from '../lab/server-subjects';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: Copy to… offers Undo in its toast, as in Thunderbird', () => {
  const web = webSession();
  let user: LabUser;

  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const server = (folder: string) => () => serverSubjects(web.lab, user, folder);

  beforeAll(async () => {
    user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Keep', to: user.email })));
    await web.lab.seed(user.email, 'Saved', [simpleMessage(9, { subject: 'Older', to: user.email })]);
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await row('Keep 2').waitFor();
  });

  it('Shift+V copies to the folder picked; Undo in the toast deletes the copy, on the server too, and the original stays', async () => {
    await row('Keep 2').click();
    await web.page.keyboard.press('Shift+V');
    await web.page.getByTestId('folder-picker-filter').fill('sav');
    await web.page.keyboard.press('Enter');
    const toast = web.page.getByTestId('toast').filter({ hasText: 'Message copied to Saved.' });
    await toast.getByTestId('toast-undo').waitFor();
    await screenshot(web.page, 'copy-toast-with-undo');
    await serverEventually(server('Saved'), ['Keep 2', 'Older 9']); // replayed: the Undo deletes it there

    await toast.getByTestId('toast-undo').click();
    await web.page.getByTestId('toast').filter({ hasText: 'Undone.' }).waitFor();
    await serverEventually(server('Saved'), ['Older 9']);
    await serverEventually(server('INBOX'), ['Keep 1', 'Keep 2']);
    await web.page.getByTestId('folder-Saved').getByRole('button').click();
    await row('Older 9').waitFor();
    expect(await row('Keep 2').count()).toBe(0);
    await screenshot(web.page, 'copy-undone-saved-folder');
  });

  it('z takes the copy back as the toast’s Undo does (from the toolbar’s Copy to…)', async () => {
    for (const open of await web.page.getByTestId('toast').all()) await open.locator('.toast__close').click(); // the last test's "Undone."
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await row('Keep 1').click();
    await web.page.getByTestId('action-copy').click();
    await web.page.getByTestId('folder-picker-filter').fill('sav');
    await web.page.keyboard.press('Enter');
    await web.page.getByTestId('toast').filter({ hasText: 'Message copied to Saved.' }).getByTestId('toast-undo').waitFor();
    await serverEventually(server('Saved'), ['Keep 1', 'Older 9']);
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('z');
    await web.page.getByTestId('toast').filter({ hasText: 'Undone.' }).waitFor();
    await serverEventually(server('Saved'), ['Older 9']);
    await serverEventually(server('INBOX'), ['Keep 1', 'Keep 2']);
  });

  it('in a message’s own window too: Shift+V copies, the toast’s Undo deletes the copy, the message shown stays', async () => {
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), row('Keep 2').dblclick()]);
    await popup.getByTestId('message-window').waitFor();
    await popup.keyboard.press('Shift+V');
    await popup.getByTestId('folder-picker-filter').fill('sav');
    await popup.keyboard.press('Enter');
    const toast = popup.getByTestId('toast').filter({ hasText: 'Message copied to Saved.' });
    await toast.getByTestId('toast-undo').waitFor();
    await screenshot(popup, 'copy-toast-with-undo-message-window');
    await serverEventually(server('Saved'), ['Keep 2', 'Older 9']);
    await toast.getByTestId('toast-undo').click();
    await popup.getByTestId('toast').filter({ hasText: 'Undone.' }).waitFor();
    await serverEventually(server('Saved'), ['Older 9']);
    await expect.poll(() => popup.title()).toBe('Keep 2 · Wren');
    await popup.close();
  });
});
