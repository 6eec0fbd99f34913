import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { serverMessageCount } from '../integration/pop3-sync/pop3-sync-lab';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: a POP3 account through the form', () => {
  const web = webSession({ lab: { users: [{ email: 'popper@example.test', password: 'popper-pw' }] } });

  beforeAll(async () => {
    const user = web.lab.users.find((u) => u.email === 'popper@example.test')!;
    await web.lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Popped', to: user.email })));
  });

  it('adds the account with POP3 and "download and delete", downloads into its local Inbox and reads a message', async () => {
    const user = web.lab.users.find((u) => u.email === 'popper@example.test')!;
    await web.page.goto(web.app.url);
    // Past the address step (set-up from the address) to the full form.
    await web.page.getByTestId('setup-manual').click();
    await web.page.getByTestId('setup-email').fill(user.email);
    await web.page.getByTestId('setup-protocol').selectOption('pop3');
    expect(await web.page.getByTestId('setup-pop3-port').inputValue()).toBe('995');
    await web.page.getByTestId('setup-pop3-host').fill(web.lab.host);
    await web.page.getByTestId('setup-pop3-port').fill(String(web.lab.ports.pop3s));
    await web.page.getByTestId('setup-user').fill(user.email);
    await web.page.getByTestId('setup-password').fill(user.password);
    await web.page.getByTestId('setup-pop3-leave').selectOption('delete');
    await web.page.getByTestId('setup-test').click();
    await web.page.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('setup-save').and(web.page.locator(':enabled')).waitFor();
    await screenshot(web.page, 'pop3-account-form');
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('mail-view').waitFor();

    const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
    await row('Popped 3').waitFor();
    await row('Popped 1').waitFor();
    await row('Popped 2').click();
    await web.page.getByTestId('message-subject').filter({ hasText: 'Popped 2' }).waitFor();
    await web.page.getByTestId('message-text').filter({ hasText: 'Body 2' }).waitFor();
    await web.page.getByTestId('folder-INBOX').first().waitFor();
    const file = await screenshot(web.page, 'pop3-message-read');
    expect(file).toContain('pop3-message-read');
    // Download and delete: everything stored, so the maildrop is empty now.
    expect(await serverMessageCount(web.lab, user)).toBe(0);
  });

  it('creates a local folder, moves a POP3 message into it with the move picker, and reads it there', async () => {
    const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
    const local = () => web.page.getByTestId('local-folders');
    await local().getByRole('heading', { name: 'Local Folders' }).click({ button: 'right' });
    await web.page.getByTestId('folder-menu-new').click();
    await web.page.getByTestId('name-input').fill('Kept from POP');
    await web.page.getByTestId('name-submit').click();
    await local().getByTestId('folder-Kept from POP').waitFor();

    await row('Popped 2').click();
    await web.page.getByTestId('action-move').click();
    await web.page.getByTestId('pick-Kept from POP').click();
    await row('Popped 2').waitFor({ state: 'detached' });
    await web.page.getByTestId('toast').filter({ hasText: 'Message moved to Kept from POP.' }).waitFor();

    await local().getByTestId('folder-Kept from POP').getByRole('button').click();
    await row('Popped 2').click();
    await web.page.getByTestId('message-subject').filter({ hasText: 'Popped 2' }).waitFor();
    await web.page.getByTestId('reading-pane').getByText('Body 2').waitFor();
    expect(await row('Popped 1').count()).toBe(0);
    const file = await screenshot(web.page, 'pop3-local-move');
    expect(file).toContain('pop3-local-move');
  });

  it("Delete moves a POP3 message to the account's Trash with Undo; Archive to its Archives; in Trash it goes for good after asking", async () => {
    const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
    const account = () => web.page.locator('[data-testid^="account-"]').filter({ has: web.page.getByTestId('account-heading') });
    await account().getByTestId('folder-INBOX').getByRole('button').click();
    await row('Popped 1').click();
    await web.page.getByTestId('action-delete').click();
    await row('Popped 1').waitFor({ state: 'detached' });
    const toast = web.page.getByTestId('toast').filter({ hasText: 'Message moved to Trash.' });
    await toast.waitFor();
    await screenshot(web.page, 'pop3-delete-to-trash');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await row('Popped 1').waitFor();

    await row('Popped 3').click();
    await web.page.getByTestId('action-archive').click();
    await row('Popped 3').waitFor({ state: 'detached' });
    await account().getByTestId('folder-Archives').getByRole('button').click();
    await row('Popped 3').waitFor();

    await row('Popped 3').click();
    await web.page.getByTestId('action-delete').click();
    await row('Popped 3').waitFor({ state: 'detached' });
    await account().getByTestId('folder-Trash').getByRole('button').click();
    await row('Popped 3').click();
    await web.page.getByTestId('action-delete').click();
    await web.page.getByRole('dialog').filter({ hasText: 'will be deleted for good' }).getByRole('button', { name: 'Delete for good' }).click();
    await web.page.getByTestId('toast').filter({ hasText: 'Message deleted for good.' }).waitFor();
    await row('Popped 3').waitFor({ state: 'detached' });
    const file = await screenshot(web.page, 'pop3-trash-for-good');
    expect(file).toContain('pop3-trash-for-good');
  });

  it("changes the account's POP3 policy in its Edit dialog; the dialog shows the saved policy when opened again", async () => {
    const openEdit = async () => {
      await web.page.getByTestId('account-heading').first().click({ button: 'right' });
      await web.page.getByTestId('account-menu-edit').click();
      return web.page.getByTestId('edit-account-dialog');
    };
    let dialog = await openEdit();
    expect(await dialog.getByTestId('setup-pop3-leave').inputValue()).toBe('delete');
    await dialog.getByTestId('setup-pop3-leave').selectOption('deleteAfterDays');
    await dialog.getByTestId('setup-pop3-days').fill('30');
    await dialog.getByTestId('setup-pop3-max-kb').fill('4096');
    await screenshot(web.page, 'pop3-edit-policy');
    await dialog.getByTestId('edit-account-save').click();
    await dialog.waitFor({ state: 'detached' });
    dialog = await openEdit();
    expect(await dialog.getByTestId('setup-pop3-leave').inputValue()).toBe('deleteAfterDays');
    expect(await dialog.getByTestId('setup-pop3-days').inputValue()).toBe('30');
    expect(await dialog.getByTestId('setup-pop3-max-kb').inputValue()).toBe('4096');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it("a folder made in the POP3 account offers no subscription commands, and Delete folder moves it into the account's Trash with Undo", async () => {
    const account = () => web.page.locator('[data-testid^="account-"]').filter({ has: web.page.getByTestId('account-heading') });
    await web.page.getByTestId('account-heading').first().click({ button: 'right' });
    await web.page.getByTestId('folder-menu-new').waitFor();
    expect(await web.page.getByTestId('folder-menu-show-unsubscribed').count()).toBe(0);
    await web.page.getByTestId('folder-menu-new').click();
    await web.page.getByTestId('name-input').fill('Receipts');
    await web.page.getByTestId('name-submit').click();
    const made = account().getByTestId('folder-Receipts');
    await made.waitFor();
    await made.click({ button: 'right' });
    await web.page.getByTestId('folder-menu-delete').waitFor();
    expect(await web.page.getByTestId('folder-menu-subscribe').count()).toBe(0);
    await web.page.getByTestId('folder-menu-delete').click();
    await web.page.getByTestId('confirm-dialog').getByText('Move “Receipts” to Trash?').waitFor();
    await screenshot(web.page, 'pop3-folder-delete-confirm');
    await web.page.getByTestId('confirm-ok').click();
    const toast = web.page.getByTestId('toast').filter({ hasText: 'Folder Receipts moved to Trash.' });
    await toast.waitFor();
    await account().getByTestId('folder-Trash/Receipts').waitFor();
    await screenshot(web.page, 'pop3-folder-in-trash');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await made.waitFor();
    await account().getByTestId('folder-Trash/Receipts').waitFor({ state: 'detached' });
  });

  it('removed, in Chinese: the question says its mail may be here only, and the mail moves to Local Folders under its address', async () => {
    const user = web.lab.users.find((u) => u.email === 'popper@example.test')!;
    await web.page.getByTestId('folder-INBOX').first().getByRole('button').click();
    // The tests before left mail in its Inbox: that is what the removal must keep.
    await web.page.getByTestId('message-row').first().waitFor();
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('account-heading').first().click({ button: 'right' });
    await web.page.getByTestId('account-menu-remove').click();
    const question = web.page.getByTestId('confirm-dialog');
    await question.getByText(`移到本地文件夹中名为 ${user.email} 的文件夹`, { exact: false }).waitFor();
    expect(await question.textContent()).not.toContain('重新添加该账户即可取回邮件');
    await screenshot(web.page, 'pop3-remove-confirm-zh');
    await web.page.getByTestId('confirm-ok').click();
    await web.page.getByTestId('toast').filter({ hasText: `只保存在本机的邮件现在位于 本地文件夹 ▸ ${user.email}` }).waitFor();
    // The only account gone, its mail still opens: the mail view stays, not the set-up.
    await expect.poll(() => web.page.getByTestId('account-heading').count(), { timeout: 15_000 }).toBe(0);
    const kept = web.page.getByTestId('local-folders').getByTestId(`folder-${user.email}`);
    await kept.waitFor();
    await screenshot(web.page, 'pop3-removed-kept-zh');
    expect(await web.page.getByTestId('first-run').count()).toBe(0);
    await web.page.getByTestId('language').selectOption('en');
  });
});

