import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { serverEventually, serverFolderPaths, serverSubjects } from '../lab/server-subjects';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: Delete folder… moves a folder into Trash, and deletes one in Trash for good (Thunderbird\'s way)', () => {
  const web = webSession();
  let user: LabUser;
  const folderRow = (path: string) => web.page.getByTestId(`folder-${path}`);
  const deleteFolder = async (path: string) => {
    await folderRow(path).click({ button: 'right' });
    await web.page.getByTestId('folder-menu-delete').click();
    return web.page.getByTestId('confirm-dialog');
  };

  beforeAll(async () => {
    user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'Projects', [1, 2].map((n) => simpleMessage(n, { subject: 'Plan', to: user.email })));
    await web.lab.seed(user.email, 'Projects/2026', [simpleMessage(3, { subject: 'Budget', to: user.email })]);
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await folderRow('Projects').waitFor();
  });

  it('outside Trash: the dialog says "moved to Trash" with the messages, and the folder goes there, on the server too', async () => {
    const dialog = await deleteFolder('Projects');
    await dialog.getByText('with its 1 subfolder and 3 messages').waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Move “Projects” to Trash?');
    await screenshot(web.page, 'folder-delete-trash-en');
    await dialog.getByTestId('confirm-ok').click();
    await web.page.getByTestId('toast').filter({ hasText: 'Folder Projects moved to Trash.' }).waitFor();
    await folderRow('Trash/Projects').waitFor();
    await folderRow('Projects').waitFor({ state: 'detached' });
    await serverEventually(() => serverSubjects(web.lab, user, 'Trash/Projects'), ['Plan 1', 'Plan 2']);
    expect(await serverSubjects(web.lab, user, 'Trash/Projects/2026')).toEqual(['Budget 3']);
  });

  it('in Trash, in Chinese: the dialog says 永久删除, and the folder is deleted for good', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    try {
      const dialog = await deleteFolder('Trash/Projects');
      expect(await dialog.getByRole('heading').textContent()).toBe('永久删除“Projects”及其 1 个子文件夹和 3 封邮件？');
      expect(await dialog.textContent()).toContain('将从服务器上永久删除');
      await screenshot(web.page, 'folder-delete-for-good-zh');
      await dialog.getByTestId('confirm-ok').click();
      await web.page.getByTestId('toast').filter({ hasText: '已永久删除文件夹“Projects”。' }).waitFor();
      await folderRow('Trash/Projects').waitFor({ state: 'detached' });
    } finally {
      await web.page.getByTestId('language').selectOption('en');
    }
  });

  it('Empty Trash takes the folders deleted into it too: the dialog counts them and their mail, and the server loses them', async () => {
    await web.lab.seed(user.email, 'Old', [simpleMessage(5, { subject: 'Stale', to: user.email })]);
    await web.page.getByTestId('sync-now').click();
    await (await deleteFolder('Old')).getByTestId('confirm-ok').click();
    await folderRow('Trash/Old').waitFor();
    await folderRow('Trash').click({ button: 'right' });
    await web.page.getByTestId('folder-menu-empty').click();
    const dialog = web.page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('The 1 folder in Trash and the 1 message it holds will be deleted for good.');
    await dialog.getByTestId('confirm-ok').click();
    await folderRow('Trash/Old').waitFor({ state: 'detached' });
    await serverEventually(async () => [...(await serverFolderPaths(web.lab, user)).keys()].filter((path) => path.startsWith('Trash/')), []);
  });
});
