import { describe, expect, it } from 'vitest';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/**
 * A slip in the edit dialog (an emptied port, a port out of range) is named in the user's language,
 * by the field's own label, before anything is sent: not as the contract's English schema message.
 */
describe('web mode, in Chinese: the edit dialog names the fields to fix', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });

  it('an emptied IMAP port and an SMTP port out of range are named by their labels, and nothing is saved', async () => {
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, web.lab.users[1]!, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('mail-view').waitFor();

    await web.page.getByTestId('account-heading').first().click({ button: 'right' });
    await web.page.getByTestId('account-menu-edit').click();
    const dialog = web.page.getByTestId('edit-account-dialog');
    await dialog.getByTestId('setup-imap-port').fill('');
    await dialog.getByTestId('setup-smtp-port').fill('70000');
    await dialog.getByTestId('edit-account-save').click();
    const notice = dialog.getByTestId('edit-account-invalid');
    await notice.waitFor();
    const words = await notice.textContent();
    expect(words).toContain('请检查');
    expect(words).toContain('IMAP 端口');
    expect(words).toContain('SMTP 端口');
    expect(await dialog.textContent()).not.toMatch(/expected|Invalid input|incoming\.port/i);
    await screenshot(web.page, 'edit-account-invalid-zh');
    // Mended, it saves.
    await dialog.getByTestId('setup-imap-port').fill(String(web.lab.ports.imaps));
    await dialog.getByTestId('setup-smtp-port').fill(String(web.lab.ports.submission));
    await dialog.getByTestId('edit-account-save').click();
    await dialog.waitFor({ state: 'detached' });
  });
});
