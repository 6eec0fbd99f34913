import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, type LabCert } from '../lab/cert';
import { simpleMessage } from '../lab/simple-message';
import { startTlsFront, type TlsFront } from '../lab/tls-front';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/**
 * A self-signed certificate the user trusted, then replaced on the server (renewed, or someone in the
 * middle): the account stops with the new certificate shown in its banner and can be trusted again
 * there; a server moved in the edit dialog to one with another certificate can be trusted there.
 */
describe('web mode: trusting a replaced certificate again', () => {
  const web = webSession();
  let certDir: string;
  let first: LabCert;
  let renewed: LabCert;
  let front: TlsFront;

  beforeAll(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'wren-certs-'));
    [first, renewed] = (await Promise.all(['a', 'b'].map((name) => {
      mkdirSync(join(certDir, name));
      return makeCert(join(certDir, name));
    }))) as [LabCert, LabCert];
    front = await startTlsFront(web.lab.ports.imaps, web.lab.certPem, first);
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [simpleMessage(1, { to: bob.email, subject: 'Before the renewal' })]);
  });
  afterAll(async () => {
    await front?.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('adds the account through the server that shows the first certificate, trusting it', async () => {
    const bob = web.lab.users[1]!;
    await web.page.goto(web.app.url);
    await web.page.getByTestId('setup-manual').click();
    await web.page.getByTestId('setup-email').fill(bob.email);
    await web.page.getByTestId('setup-imap-host').fill(web.lab.host);
    await web.page.getByTestId('setup-imap-port').fill(String(front.port));
    await web.page.getByTestId('setup-password').fill(bob.password);
    await web.page.getByTestId('setup-test').click();
    expect(await web.page.getByTestId('certificate-details').textContent()).toContain(first.fingerprint256);
    await web.page.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('setup-save').and(web.page.locator(':enabled')).click();
    await web.page.getByTestId('message-row').filter({ hasText: 'Before the renewal' }).waitFor();
  });

  it('at 1024×700, stops at the replaced certificate with a banner of a line or two; Details shows it, and trusting it there brings the account back', async () => {
    await web.page.setViewportSize({ width: 1024, height: 700 });
    const unbannered = await listHeight(web.page);
    front.present(renewed);
    // The push connection, if already open, was cut and reconnects by itself; the user's own check finds it too.
    await web.page.getByTestId('sync-now').click();
    const banner = web.page.locator('[data-testid^="account-status-"]');
    await banner.getByTestId('account-problem-details').waitFor({ timeout: 30_000 });
    expect(await banner.locator('[data-error-code]').first().getAttribute('data-error-code')).toBe('TlsUntrusted');
    // The details are closed: the message list keeps most of its height (the banner and certificate took 382 px of 700).
    expect(await banner.getByTestId('certificate-details').count()).toBe(0);
    expect(await banner.textContent()).not.toContain(renewed.fingerprint256);
    expect(await listHeight(web.page)).toBeGreaterThanOrEqual(0.6 * unbannered);
    await expect.poll(() => buttonRows(banner)).toBe(1);
    await screenshot(web.page, 'retrust-banner-1024');

    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => banner.getByTestId('account-problem-details').textContent()).toBe('▸ 证书详情');
    expect(await listHeight(web.page)).toBeGreaterThanOrEqual(0.6 * unbannered);
    await expect.poll(() => buttonRows(banner)).toBe(1);
    await screenshot(web.page, 'retrust-banner-1024-zh');
    await banner.getByTestId('account-problem-details').click();
    expect(await banner.getByTestId('certificate-details').textContent()).toContain(renewed.fingerprint256);
    await screenshot(web.page, 'retrust-banner-1024-zh-details');
    await banner.getByTestId('account-problem-details').click();
    await web.page.getByTestId('language').selectOption('en');

    await banner.getByTestId('account-problem-details').click();
    expect(await banner.getByTestId('account-problem-details').getAttribute('aria-expanded')).toBe('true');
    expect(await banner.getByTestId('certificate-details').textContent()).toContain(renewed.fingerprint256);
    // Open, the certificate and its Trust button are in the window, and the list still shows some rows.
    expect(await banner.getByTestId('setup-trust-cert').isVisible()).toBe(true);
    expect(await listHeight(web.page)).toBeGreaterThan(0.3 * unbannered);
    await screenshot(web.page, 'retrust-banner-1024-details');
    await banner.getByTestId('setup-trust-cert').click();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await web.page.setViewportSize({ width: 1400, height: 800 });
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [simpleMessage(2, { to: web.lab.users[1]!.email, subject: 'After the renewal' })]);
    await web.page.getByTestId('sync-now').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'After the renewal' }).waitFor({ timeout: 30_000 });
  });

  it('a server moved in the edit dialog to one with another certificate can be trusted there', async () => {
    await web.page.getByTestId('account-heading').first().click({ button: 'right' });
    await web.page.getByTestId('account-menu-edit').click();
    const dialog = web.page.getByTestId('edit-account-dialog');
    await dialog.getByTestId('setup-imap-port').fill(String(web.lab.ports.imaps));
    await dialog.getByTestId('edit-account-save').click();
    await dialog.getByTestId('certificate-details').waitFor();
    expect(await dialog.getByTestId('certificate-details').textContent()).toContain(web.lab.certFingerprint256);
    await screenshot(web.page, 'retrust-edit-dialog');
    await dialog.getByTestId('setup-trust-cert').click();
    await dialog.waitFor({ state: 'detached' });
    await front.close();
    await web.page.getByTestId('sync-now').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'After the renewal' }).waitFor();
    expect(await web.page.locator('[data-testid^="account-status-"]').count()).toBe(0);
  });

  it('the edit dialog shows the trusted certificate; "Stop trusting" forgets it, and the next connection asks again', async () => {
    await web.page.getByTestId('account-heading').first().click({ button: 'right' });
    await web.page.getByTestId('account-menu-edit').click();
    const dialog = web.page.getByTestId('edit-account-dialog');
    const trusted = dialog.getByTestId('edit-trusted-cert');
    expect(await trusted.textContent()).toContain(web.lab.certFingerprint256);
    await trusted.getByTestId('edit-trusted-cert-forget').check();
    await screenshot(web.page, 'stop-trusting-edit-dialog');
    await dialog.getByTestId('edit-account-save').click();
    await dialog.waitFor({ state: 'detached' });
    await web.page.getByTestId('sync-now').click();
    const banner = web.page.locator('[data-testid^="account-status-"]');
    await banner.getByTestId('account-problem-details').click({ timeout: 30_000 });
    expect(await banner.getByTestId('certificate-details').textContent()).toContain(web.lab.certFingerprint256);
    await banner.getByTestId('setup-trust-cert').click();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('at 1024×700, a server that cannot be reached gets a banner of a line or two, in English and Chinese', async () => {
    await web.page.setViewportSize({ width: 1024, height: 700 });
    const unbannered = await listHeight(web.page);
    await web.lab.stop();
    await web.page.getByTestId('sync-now').click();
    const banner = web.page.locator('[data-testid^="account-status-"]');
    await banner.getByTestId('account-problem-retry').waitFor({ timeout: 30_000 });
    expect(await listHeight(web.page)).toBeGreaterThanOrEqual(0.6 * unbannered);
    await expect.poll(() => buttonRows(banner)).toBe(1);
    await screenshot(web.page, 'unreachable-banner-1024');
    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => banner.getByTestId('account-problem-retry').textContent()).toBe('重试');
    expect(await listHeight(web.page)).toBeGreaterThanOrEqual(0.6 * unbannered);
    await expect.poll(() => buttonRows(banner)).toBe(1);
    await screenshot(web.page, 'unreachable-banner-1024-zh');
    await web.page.getByTestId('language').selectOption('en');
  });
});

async function listHeight(page: Page): Promise<number> {
  return (await page.getByTestId('message-list').boundingBox())?.height ?? 0;
}

/** On how many lines the banner's buttons are: one, unless they wrapped. */
async function buttonRows(banner: Locator): Promise<number> {
  const tops = await Promise.all((await banner.locator('.status-banner__actions button').all()).map(async (button) => Math.round((await button.boundingBox())?.y ?? -1)));
  return new Set(tops).size;
}
