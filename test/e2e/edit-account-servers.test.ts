import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePorts } from '../lab/net-util';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const run = promisify(execFile);

/**
 * The edit dialog changes what the account connects to, both ways: its outgoing (SMTP) server too
 * (tested with a login before it is saved), and a POP3 account's incoming server as POP3's.
 */
describe('web mode: editing an account’s servers', () => {
  const web = webSession();

  const openEdit = async (heading: number) => {
    await web.page.getByTestId('account-heading').nth(heading).click({ button: 'right' });
    await web.page.getByTestId('account-menu-edit').click();
    return web.page.getByTestId('edit-account-dialog');
  };

  it('changes the outgoing server: a port nothing answers on is refused, implicit TLS is saved', async () => {
    const bob = web.lab.users[1]!;
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, bob, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('mail-view').waitFor();

    let dialog = await openEdit(0);
    expect(await dialog.getByTestId('setup-smtp-port').inputValue()).toBe(String(web.lab.ports.submission));
    await dialog.getByTestId('setup-smtp-port').fill(String((await freePorts(1))[0]));
    await dialog.getByTestId('edit-account-save').click();
    await dialog.locator('[data-error-code="ConnectionRefused"]').waitFor();
    await dialog.getByTestId('setup-smtp-security').selectOption('tls');
    await dialog.getByTestId('setup-smtp-port').fill(String(web.lab.ports.smtps));
    await screenshot(web.page, 'edit-account-outgoing');
    await dialog.getByTestId('edit-account-save').click();
    await dialog.waitFor({ state: 'detached' });

    dialog = await openEdit(0);
    expect(await dialog.getByTestId('setup-smtp-port').inputValue()).toBe(String(web.lab.ports.smtps));
    expect(await dialog.getByTestId('setup-smtp-security').inputValue()).toBe('tls');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a POP3 account’s incoming server as POP3, and its security moves the port to POP3’s', async () => {
    const alice = web.lab.users[0]!;
    await run(process.execPath, ['bin/wren.cjs', '--data-dir', web.app.dataDir, 'account', 'add', '--name', 'Alice POP3', '--email', alice.email,
      '--pop3-host', web.lab.host, '--pop3-port', String(web.lab.ports.pop3s), '--pop3-security', 'tls', '--trust-fingerprint', web.lab.certFingerprint256], {
      env: { ...process.env, WREN_PASSWORD: alice.password, XDG_CONFIG_HOME: join(dirname(web.app.dataDir), 'config') },
    });
    await web.page.getByTestId('folder-tree').filter({ hasText: 'Alice POP3' }).waitFor();
    const dialog = await openEdit(1);
    expect(await dialog.textContent()).toContain('POP3 server');
    expect(await dialog.textContent()).not.toContain('IMAP server');
    // From POP3's usual TLS port (not the lab's own), switching to STARTTLS moves to POP3's 110, not IMAP's 143.
    await dialog.getByTestId('setup-pop3-port').fill('995');
    await dialog.getByTestId('setup-pop3-security').selectOption('starttls');
    expect(await dialog.getByTestId('setup-pop3-port').inputValue()).toBe('110');
  });
});
