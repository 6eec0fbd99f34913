import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Three messages in mboxrd, one body line quoted (">From ") as mutt writes it. */
function threeMessageMbox(): Buffer {
  const messages = [1, 2, 3].map(
    (n) =>
      `From old@example.com Mon Jan  5 10:0${n}:00 2026\nFrom: Old Friend <old@example.com>\nTo: me@example.com\nSubject: Archived ${n}\n` +
      `Date: Mon, 5 Jan 2026 10:0${n}:00 +0000\nMessage-ID: <archived-${n}@example.com>\n\nArchived body ${n}\n>From the quoted line\n\n`,
  );
  return Buffer.from(messages.join(''));
}

describe('web mode: Import mail… into a local folder through the browser\'s file chooser', () => {
  const web = webSession();

  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const local = () => web.page.getByTestId('local-folders');
  const chooseInMenu = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
    await local().getByTestId('folder-Old mail').click({ button: 'right' });
    const [chooser] = await Promise.all([web.page.waitForEvent('filechooser'), web.page.getByTestId('folder-menu-import').click()]);
    expect(chooser.isMultiple()).toBe(true);
    expect(await chooser.element().getAttribute('accept')).toBe('.mbox,.eml,message/rfc822,application/mbox');
    await chooser.setFiles(files);
  };

  beforeAll(async () => {
    const user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [simpleMessage(1, { subject: 'Current', to: user.email })]);
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await row('Current 1').waitFor();
  });

  it('imports an mbox of three messages, shows them in the folder and says how many', async () => {
    await local().getByRole('heading', { name: 'Local Folders' }).click({ button: 'right' });
    await web.page.getByTestId('folder-menu-new').click();
    await web.page.getByTestId('name-input').fill('Old mail');
    await web.page.getByTestId('name-submit').click();
    await local().getByTestId('folder-Old mail').waitFor();

    await chooseInMenu([{ name: 'old.mbox', mimeType: 'application/mbox', buffer: threeMessageMbox() }]);
    await web.page.getByTestId('toast').filter({ hasText: 'Imported 3 messages into Old mail' }).waitFor();
    await local().getByTestId('folder-Old mail').getByRole('button').click();
    for (const n of [1, 2, 3]) await row(`Archived ${n}`).waitFor();
    await row('Archived 2').click();
    await web.page.getByTestId('reading-pane').getByText('Archived body 2').waitFor();
    await screenshot(web.page, 'web-import');
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(3);
    expect(readdirSync(join(web.app.dataDir, 'staging'))).toEqual([]);
  });

  it('imported again, adds nothing and says that the messages were there already', async () => {
    await chooseInMenu([{ name: 'old.mbox', mimeType: 'application/mbox', buffer: threeMessageMbox() }]);
    const toast = web.page.getByTestId('toast').filter({ hasText: 'Skipped 3 messages already in the folder' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Imported 0 messages into Old mail');
    await screenshot(web.page, 'web-import-again');
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(3);
    await toast.getByRole('button', { name: 'Close' }).click();
    await toast.waitFor({ state: 'detached' });
  });

  it('refuses a file that is not a mailbox with words, and imports nothing from it', async () => {
    await chooseInMenu([{ name: 'photo.eml', mimeType: 'message/rfc822', buffer: Buffer.from('\x89PNG\r\n\x1a\nnot mail') }]);
    await web.page.getByTestId('toast-error').filter({ hasText: 'That file is not a mailbox' }).waitFor();
    await screenshot(web.page, 'web-import-not-mail');
    // No "Imported N messages" beside the error (it used to count the error toast's id as messages).
    expect(await web.page.getByTestId('toast').count()).toBe(0);
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(3);
    expect(readdirSync(join(web.app.dataDir, 'staging'))).toEqual([]);
  });
});
