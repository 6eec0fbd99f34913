import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { serverEventually, serverSubjects } from '../lab/server-subjects';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: moving a folder (Move to…, drag and drop) and the Undo of a folder delete, as in Thunderbird', () => {
  const web = webSession();
  let user: LabUser;
  const folderRow = (path: string) => web.page.getByTestId(`folder-${path}`);
  const toast = (text: string) => web.page.getByTestId('toast').filter({ hasText: text });

  beforeAll(async () => {
    user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'Trips', [1, 2].map((n) => simpleMessage(n, { subject: 'Ticket', to: user.email })));
    await web.lab.seed(user.email, 'Trips/Rome', [simpleMessage(3, { subject: 'Hotel', to: user.email })]);
    await web.lab.seed(user.email, 'Travel', []);
    await web.lab.seed(user.email, 'Receipts', [simpleMessage(4, { subject: 'Invoice', to: user.email })]);
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await folderRow('Trips').waitFor();
  });

  it('Move to… lists only where the folder may go (not itself, not below it), filtered as typed, and moves it with its subfolder and mail', async () => {
    await folderRow('Trips').click({ button: 'right' });
    await web.page.getByTestId('folder-menu-move').click();
    const picker = web.page.getByTestId('folder-picker');
    expect(await picker.getByRole('heading').textContent()).toBe('Move Trips to…');
    // Not into itself or below it; the top is offered only to a folder that is not there already.
    expect(await picker.getByTestId('pick-Trips').count()).toBe(0);
    expect(await picker.getByTestId('pick-Trips/Rome').count()).toBe(0);
    expect(await picker.getByTestId('pick-top').count()).toBe(0);
    await picker.getByTestId('folder-picker-filter').fill('trav');
    await screenshot(web.page, 'folder-move-picker-en');
    await web.page.keyboard.press('Enter');
    await toast('Folder Trips moved into Travel.').waitFor();
    await folderRow('Travel/Trips/Rome').waitFor();
    await folderRow('Trips').waitFor({ state: 'detached' });
    await serverEventually(() => serverSubjects(web.lab, user, 'Travel/Trips'), ['Ticket 1', 'Ticket 2']);
    expect(await serverSubjects(web.lab, user, 'Travel/Trips/Rome')).toEqual(['Hotel 3']);
  });

  it('drag and drop: a folder dropped onto another goes inside it; onto the account\'s heading, to the top; Undo puts it back', async () => {
    await folderRow('Receipts').dragTo(folderRow('Travel/Trips'));
    await toast('Folder Receipts moved into Trips.').waitFor();
    await folderRow('Travel/Trips/Receipts').waitFor();
    await serverEventually(() => serverSubjects(web.lab, user, 'Travel/Trips/Receipts'), ['Invoice 4']);

    await folderRow('Travel/Trips/Rome').dragTo(web.page.getByTestId('account-heading'));
    await toast('Folder Rome moved to the top level of').waitFor();
    await folderRow('Rome').waitFor();
    await screenshot(web.page, 'folder-move-dragged-en');
    await toast('Folder Rome moved to the top level of').getByRole('button', { name: 'Undo' }).click();
    await folderRow('Travel/Trips/Rome').waitFor();
    await serverEventually(() => serverSubjects(web.lab, user, 'Travel/Trips/Rome'), ['Hotel 3']);
  });

  it('in Chinese: Delete folder… moves it to Trash, and the toast\'s Undo (撤销) brings it back where it was, on the server too', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    try {
      await folderRow('Travel/Trips/Receipts').click({ button: 'right' });
      await web.page.getByTestId('folder-menu-delete').click();
      await web.page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click();
      const moved = toast('已将文件夹“Receipts”移至“已删除”。');
      await folderRow('Trash/Receipts').waitFor();
      await screenshot(web.page, 'folder-delete-undo-zh');
      await moved.getByRole('button', { name: '撤销' }).click();
      await folderRow('Travel/Trips/Receipts').waitFor();
      await folderRow('Trash/Receipts').waitFor({ state: 'detached' });
      await serverEventually(() => serverSubjects(web.lab, user, 'Travel/Trips/Receipts'), ['Invoice 4']);
    } finally {
      await web.page.getByTestId('language').selectOption('en');
    }
  });
});
