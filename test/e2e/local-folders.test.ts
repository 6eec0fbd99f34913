import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { serverEventually, serverSubjects } from '../lab/server-subjects';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Runs in the page (the tests' own TypeScript has no DOM library).
declare function getComputedStyle(element: unknown): { backgroundColor: string };

describe('web mode: Local Folders in the sidebar, a message moved in from IMAP and read there', () => {
  const web = webSession();
  let user: LabUser;

  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const local = () => web.page.getByTestId('local-folders');

  beforeAll(async () => {
    user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Keep', to: user.email })));
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await row('Keep 3').waitFor();
  });

  it('creates a local folder, moves a message into it through the picker and by drag and drop, and reads it', async () => {
    await local().getByRole('heading', { name: 'Local Folders' }).click({ button: 'right' });
    await web.page.getByTestId('folder-menu-new').click();
    await web.page.getByTestId('name-input').fill('Saved');
    await web.page.getByTestId('name-submit').click();
    await local().getByTestId('folder-Saved').waitFor();

    await row('Keep 3').click();
    await web.page.getByTestId('action-move').click();
    await web.page.getByTestId('folder-picker').getByText('Local Folders').waitFor();
    await screenshot(web.page, 'local-move-picker');
    await web.page.getByTestId('pick-Saved').click();
    await row('Keep 3').waitFor({ state: 'detached' });
    await web.page.getByTestId('toast').filter({ hasText: 'Message moved to Saved.' }).waitFor();
    await row('Keep 2').click();
    await web.page.getByTestId('reading-pane').getByText('Body 2').waitFor();
    await row('Keep 2').dragTo(local().getByTestId('folder-Saved').getByRole('button'));
    await row('Keep 2').waitFor({ state: 'detached' });

    await local().getByTestId('folder-Saved').getByRole('button').click();
    await row('Keep 3').click();
    await web.page.getByTestId('reading-pane').getByText('Body 3').waitFor();
    await screenshot(web.page, 'local-folder-reading');
    await serverEventually(() => serverSubjects(web.lab, user, 'INBOX'), ['Keep 1']);
  });

  it('exports the local folder from its menu as an mbox download', async () => {
    await local().getByTestId('folder-Saved').click({ button: 'right' });
    await screenshot(web.page, 'local-folder-menu');
    const [download] = await Promise.all([web.page.waitForEvent('download'), web.page.getByTestId('folder-menu-export').click()]);
    expect(download.suggestedFilename()).toBe('Saved.mbox');
    const file = join(mkdtempSync(join(tmpdir(), 'wren-e2e-export-')), 'Saved.mbox');
    await download.saveAs(file);
    const mbox = readFileSync(file, 'latin1');
    expect(mbox.match(/^From /gm)).toHaveLength(2);
    expect(mbox).toContain('Subject: Keep 3');
  });

  it('the open folder keeps its selected look under the pointer (the hover colour is for the others)', async () => {
    await web.page.keyboard.press('Escape');
    const saved = local().getByTestId('folder-Saved').getByRole('button');
    const inbox = web.page.getByTestId('folder-INBOX').getByRole('button');
    const background = (button: typeof saved) => button.evaluate((element) => getComputedStyle(element).backgroundColor);
    await saved.click();
    await web.page.mouse.move(700, 5);
    const selected = await background(saved);
    await inbox.hover();
    const hovered = await background(inbox);
    expect(hovered).not.toBe(selected);
    await saved.hover();
    expect(await background(saved)).toBe(selected);
  });

  it('Delete folder… moves a local folder into the Local Folders\' Trash with its mail, and Undo brings it back', async () => {
    await local().getByTestId('folder-Saved').click({ button: 'right' });
    await web.page.getByTestId('folder-menu-delete').click();
    const dialog = web.page.getByTestId('confirm-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Move “Saved” to Trash?');
    await dialog.getByTestId('confirm-ok').click();
    await local().getByTestId('folder-Trash/Saved').waitFor();
    await screenshot(web.page, 'local-folder-trash');
    await web.page.getByTestId('toast').filter({ hasText: 'Folder Saved moved to Trash.' }).getByRole('button', { name: 'Undo' }).click();
    await local().getByTestId('folder-Saved').waitFor();
    await local().getByTestId('folder-Trash/Saved').waitFor({ state: 'detached' });
    await local().getByTestId('folder-Saved').getByRole('button').click();
    await row('Keep 3').waitFor();
  });
});
