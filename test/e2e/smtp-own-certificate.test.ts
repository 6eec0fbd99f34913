import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, type LabCert } from '../lab/cert';
import { startSubmission, type RunningSubmission } from '../lab/submission';
import { fillComposer } from './fill-composer';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/**
 * An outgoing server with a self-signed certificate of its own (a second real SMTP server, delivering
 * into the lab's mailboxes): set-up shows it as the SMTP server's and trusts it for SMTP; when the
 * server later shows another one, the refused message's Outbox row shows it, and trusting it there
 * sends the message.
 */
describe('web mode: an SMTP server with its own certificate', () => {
  const web = webSession({ page: { viewport: { width: 1000, height: 760 } } });
  let certDir: string;
  let smtpCert: LabCert;
  let renewed: LabCert;
  let own: RunningSubmission;
  const outboxRow = (subject: string) => web.page.getByTestId('outbox-row').filter({ hasText: subject });

  beforeAll(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'wren-smtp-certs-'));
    [smtpCert, renewed] = (await Promise.all(['smtp', 'renewed'].map((name) => {
      mkdirSync(join(certDir, name));
      return makeCert(join(certDir, name));
    }))) as [LabCert, LabCert];
    own = await startSubmission({ users: web.lab.users, cert: smtpCert, lmtpSocket: web.lab.lmtpSocket });
  });
  afterAll(async () => {
    await own?.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('set-up: the incoming certificate, then the SMTP server\'s own, each named and trusted on its own', async () => {
    const alice = web.lab.users[0]!;
    await web.page.goto(web.app.url);
    await web.page.getByTestId('setup-manual').click();
    await web.page.getByTestId('setup-email').fill(alice.email);
    await web.page.getByTestId('setup-imap-host').fill(web.lab.host);
    await web.page.getByTestId('setup-imap-port').fill(String(web.lab.ports.imaps));
    await web.page.getByTestId('setup-password').fill(alice.password);
    await web.page.getByTestId('setup-smtp-host').fill(web.lab.host);
    await web.page.getByTestId('setup-smtp-port').fill(String(own.ports.submission));
    await web.page.getByTestId('setup-test').click();
    expect(await web.page.getByTestId('certificate-server').textContent()).toBe(`Certificate presented by the IMAP server ${web.lab.host}:${web.lab.ports.imaps}`);
    expect(await web.page.getByTestId('certificate-details').textContent()).toContain(web.lab.certFingerprint256);
    await web.page.getByTestId('setup-trust-cert').click();

    const heading = web.page.getByTestId('certificate-server').filter({ hasText: 'SMTP' });
    await heading.waitFor();
    expect(await heading.textContent()).toBe(`Certificate presented by the SMTP server ${web.lab.host}:${own.ports.submission}`);
    expect(await web.page.getByTestId('certificate-details').textContent()).toContain(smtpCert.fingerprint256);
    await screenshot(web.page, 'smtp-own-certificate-setup');
    await web.page.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('setup-save').and(web.page.locator(':enabled')).click();
    await web.page.getByTestId('folder-tree').waitFor();
  });

  it('a certificate the SMTP server shows later is refused in the Outbox with the one shown; trusting it there sends the message', async () => {
    await own.present(renewed);
    await web.page.getByTestId('action-compose').click();
    await fillComposer(web.page, { to: 'bob@example.test', subject: 'After the SMTP renewal', body: 'Hello Bob' });
    await web.page.getByTestId('compose-send').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    await web.page.getByTestId('outbox-folder').getByRole('button').click();
    const retrust = outboxRow('After the SMTP renewal').getByTestId('outbox-retrust');
    await retrust.waitFor({ timeout: 60_000 });
    expect(await retrust.textContent()).toContain(renewed.fingerprint256);
    expect(await retrust.getByTestId('certificate-server').textContent()).toBe(`Certificate presented by the SMTP server ${web.lab.host}:${own.ports.submission}`);
    await screenshot(web.page, 'smtp-own-certificate-outbox');
    // The same in Chinese, as many of Wren's users read it.
    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => retrust.getByTestId('certificate-server').textContent()).toBe(`SMTP 服务器 ${web.lab.host}:${own.ports.submission} 提供的证书`);
    expect(await retrust.getByTestId('setup-trust-cert').textContent()).toBe('为此账户的发件（SMTP）服务器信任此证书');
    await screenshot(web.page, 'smtp-own-certificate-outbox-zh');
    await web.page.getByTestId('language').selectOption('en');
    await retrust.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('outbox-empty').waitFor({ timeout: 60_000 });
  });
});
