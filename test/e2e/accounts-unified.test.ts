import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoconfigXml, startAutoconfigServer, type TestAutoconfigServer } from '../lab/autoconfig-server';
import { startDnsServer, type TestDnsServer } from '../lab/dns-server';
import { startLab, type Lab, type LabUser } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

/**
 * Several accounts in the real UI: set up from the address and password only
 * (the lab's servers served as example.test's autoconfig file on loopback,
 * through the web mode's test hook), a second account from the toolbar, the
 * unified Inbox with each message's account marked, and removing an account.
 */
describe('web mode: accounts from the address alone, and the unified Inbox', () => {
  let lab: Lab;
  let http: TestAutoconfigServer;
  let dns: TestDnsServer;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lab = await startLab();
    const [alice, bob] = lab.users;
    await lab.seed(alice!.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'For alice', to: alice!.email })));
    await lab.seed(bob!.email, 'INBOX', [3, 4, 5].map((n) => simpleMessage(n, { subject: 'For bob', to: bob!.email })));
    http = await startAutoconfigServer();
    http.routes.set('/example.test/mail/config-v1.1.xml', {
      body: autoconfigXml('example.test', [
        { type: 'imap', host: lab.host, port: lab.ports.imaps, socketType: 'SSL' },
        { type: 'pop3', host: lab.host, port: lab.ports.pop3s, socketType: 'SSL' },
        { type: 'smtp', host: lab.host, port: lab.ports.submission, socketType: 'STARTTLS' },
      ]),
    });
    // Nothing is asked of DNS when the file is found; this keeps any stray question off the real network.
    dns = await startDnsServer();
    app = await startWebApp({ env: { WREN_TEST_AUTOCONFIG_BASE: http.base, WREN_TEST_DNS: dns.server } });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await dns?.close();
    await http?.close();
    await lab?.stop();
  });

  /** Address and password, Find, acknowledge the warning, Use, then the filled form's Test, Trust and Save. */
  async function setUpFromAddress(user: LabUser, shot?: string): Promise<void> {
    await page.getByTestId('setup-discover-email').fill(user.email);
    await page.getByTestId('setup-discover-password').fill(user.password);
    await page.getByTestId('setup-discover-find').click();
    const result = page.getByTestId('discovery-result');
    await result.waitFor();
    expect(await page.getByTestId('discovery-server-imap').textContent()).toContain(`${lab.host}:${lab.ports.imaps}`);
    expect(await page.getByTestId('discovery-warning').textContent()).toContain(`${lab.host} is not part of example.test`);
    expect(await page.getByTestId('discovery-use').isDisabled()).toBe(true);
    await page.getByTestId('discovery-ack').check();
    if (shot) await screenshot(page, shot);
    await page.getByTestId('discovery-use').click();
    expect(await page.getByTestId('setup-imap-host').inputValue()).toBe(lab.host);
    await page.getByTestId('setup-test').click();
    await page.getByTestId('setup-trust-cert').click();
    await page.getByTestId('setup-save').and(page.locator(':enabled')).waitFor();
    await page.getByTestId('setup-save').click();
  }

  it('sets up the first account from the address and password only', async () => {
    await page.goto(app.url);
    await setUpFromAddress(lab.users[0]!, 'discovery-found');
    await page.getByTestId('mail-view').waitFor();
    await page.getByTestId('message-row').first().waitFor();
    expect(await page.getByTestId('message-row').count()).toBe(2);
  });

  it('adds a second account from the toolbar the same way, and shows the unified views with counts', async () => {
    await page.getByTestId('add-account').click();
    await setUpFromAddress(lab.users[1]!);
    await page.getByTestId('add-account-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('unified-views').waitFor();
    await expect.poll(() => page.getByTestId('view-inbox-count').textContent(), { timeout: 30_000 }).toBe('5');
    expect(await page.getByTestId('account-heading').allTextContents()).toEqual([lab.users[0]!.email, lab.users[1]!.email]);
  });

  it('lists both accounts\' mail in All Inboxes, newest first, each row marked with its account', async () => {
    await page.getByTestId('view-inbox').getByRole('button').click();
    await expect.poll(() => page.getByTestId('message-row').count(), { timeout: 30_000 }).toBe(5);
    const marks = await page.getByTestId('message-account').allTextContents();
    expect(marks).toEqual([lab.users[1]!.email, lab.users[1]!.email, lab.users[1]!.email, lab.users[0]!.email, lab.users[0]!.email]);
    const colours = await page.getByTestId('message-row').evaluateAll((rows) => rows.map((row) => (row as unknown as { style: { borderInlineStartColor: string } }).style.borderInlineStartColor));
    expect(new Set(colours).size).toBe(2);
    await screenshot(page, 'unified-inbox');
  });

  it('acts on a selection that spans both accounts: Select all, Mark as read, and every Inbox is read', async () => {
    await page.getByTestId('message-row').first().click();
    await page.getByTestId('message-list').press('Control+a');
    await page.getByTestId('selection-count').waitFor();
    expect(await page.getByTestId('selection-count').textContent()).toContain('5 messages selected');
    await page.getByTestId('action-mark-read').click();
    await page.getByTestId('view-inbox-count').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.locator('.message-row--unread').count()).toBe(0);
  });

  it('removes an account after a confirmation that says the server keeps the mail; the other stays', async () => {
    await page.getByTestId('account-heading').nth(1).click({ button: 'right' });
    await page.getByTestId('account-menu-remove').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toMatch(/3 messages.*Nothing is deleted on the server/);
    await screenshot(page, 'remove-account-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('account-heading').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('unified-views').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('message-row').count(), { timeout: 15_000 }).toBe(2);
    await screenshot(page, 'after-remove-account');
  });
});
