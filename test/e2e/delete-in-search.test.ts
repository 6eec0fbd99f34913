import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { serverEventually, serverSubjects } from '../lab/server-subjects';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Search results mix folders: a delete there decides per message, by the folder each one is in. */
describe('web mode: delete in search results', () => {
  const web = webSession();
  let user: LabUser;
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const invoices = (...numbers: number[]) => numbers.map((n) => `Invoice ${n}`);

  beforeAll(async () => {
    user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Invoice', to: user.email })));
    await web.lab.seed(user.email, 'Trash', [4, 5].map((n) => simpleMessage(n, { subject: 'Invoice', to: user.email })));
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await row('Invoice 3').waitFor();
    await web.page.getByTestId('folder-Trash').getByRole('button').click(); // its messages are cached (and indexed) too
    await row('Invoice 5').waitFor();
    await web.page.getByTestId('search-box').fill('invoice');
    for (const subject of invoices(1, 2, 3, 4, 5)) await row(subject).waitFor();
  });

  it('a message found in Trash is deleted for good only after a confirmation, and the toast says so', async () => {
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(5);
    await row('Invoice 4').click();
    await web.page.getByTestId('action-delete').click();
    const dialog = web.page.getByTestId('confirm-dialog');
    await dialog.filter({ hasText: 'This message will be deleted for good.' }).waitFor();
    await screenshot(web.page, 'delete-in-search-one-confirm');
    await dialog.getByTestId('confirm-ok').click();
    await web.page.getByTestId('toast').filter({ hasText: 'Message deleted for good.' }).waitFor();
    await row('Invoice 4').waitFor({ state: 'detached' });
    await serverEventually(() => serverSubjects(web.lab, user, 'Trash'), invoices(5));
  });

  it('a mixed selection: the confirmation counts the Trash part, the rest moves to Trash, and the toast says both', async () => {
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('Control+a');
    await web.page.getByTestId('selection-summary').filter({ hasText: '4 messages selected' }).waitFor();
    await web.page.getByTestId('action-delete').click();
    const dialog = web.page.getByTestId('confirm-dialog');
    await dialog.filter({ hasText: '1 of the selected messages is in Trash already and will be deleted for good' }).waitFor();
    await dialog.filter({ hasText: 'The other 3 will be moved to Trash.' }).waitFor();
    await screenshot(web.page, 'delete-in-search-mixed-confirm');
    await dialog.getByTestId('confirm-ok').click();
    const toast = web.page.getByTestId('toast').filter({ hasText: '3 messages moved to Trash.' }).filter({ hasText: 'Message deleted for good.' });
    await toast.waitFor();
    // The results follow at once: the one deleted for good is gone, the others are found in Trash now.
    await row('Invoice 5').waitFor({ state: 'detached' });
    await expect.poll(() => web.page.getByTestId('message-row').filter({ hasText: 'Trash' }).count()).toBe(3);
    await screenshot(web.page, 'delete-in-search-mixed-toast');
    await serverEventually(() => serverSubjects(web.lab, user, 'Trash'), invoices(1, 2, 3));
    await serverEventually(() => serverSubjects(web.lab, user, 'INBOX'), []);
  });
});
