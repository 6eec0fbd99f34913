import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { serverMessageCount } from '../integration/pop3-sync/pop3-sync-lab';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

describe('web mode: a POP3 account through the form', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lab = await startLab({ users: [{ email: 'popper@example.test', password: 'popper-pw' }] });
    const user = lab.users.find((u) => u.email === 'popper@example.test')!;
    await lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Popped', to: user.email })));
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('adds the account with POP3 and "download and delete", downloads into its local Inbox and reads a message', async () => {
    const user = lab.users.find((u) => u.email === 'popper@example.test')!;
    await page.goto(app.url);
    // Past the address step (set-up from the address) to the full form.
    await page.getByTestId('setup-manual').click();
    await page.getByTestId('setup-email').fill(user.email);
    await page.getByTestId('setup-protocol').selectOption('pop3');
    expect(await page.getByTestId('setup-pop3-port').inputValue()).toBe('995');
    await page.getByTestId('setup-pop3-host').fill(lab.host);
    await page.getByTestId('setup-pop3-port').fill(String(lab.ports.pop3s));
    await page.getByTestId('setup-user').fill(user.email);
    await page.getByTestId('setup-password').fill(user.password);
    await page.getByTestId('setup-pop3-leave').selectOption('delete');
    await page.getByTestId('setup-test').click();
    await page.getByTestId('setup-trust-cert').click();
    await page.getByTestId('setup-save').and(page.locator(':enabled')).waitFor();
    await screenshot(page, 'pop3-account-form');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('mail-view').waitFor();

    const row = (subject: string) => page.getByTestId('message-row').filter({ hasText: subject });
    await row('Popped 3').waitFor();
    await row('Popped 1').waitFor();
    await row('Popped 2').click();
    await page.getByTestId('message-subject').filter({ hasText: 'Popped 2' }).waitFor();
    await page.getByTestId('message-text').filter({ hasText: 'Body 2' }).waitFor();
    await page.getByTestId('folder-INBOX').first().waitFor();
    const file = await screenshot(page, 'pop3-message-read');
    expect(file).toContain('pop3-message-read');
    // Download and delete: everything stored, so the maildrop is empty now.
    expect(await serverMessageCount(lab, user)).toBe(0);
  });

  it('creates a local folder, moves a POP3 message into it with the move picker, and reads it there', async () => {
    const row = (subject: string) => page.getByTestId('message-row').filter({ hasText: subject });
    const local = () => page.getByTestId('local-folders');
    await local().getByRole('heading', { name: 'Local Folders' }).click({ button: 'right' });
    await page.getByTestId('folder-menu-new').click();
    await page.getByTestId('name-input').fill('Kept from POP');
    await page.getByTestId('name-submit').click();
    await local().getByTestId('folder-Kept from POP').waitFor();

    await row('Popped 2').click();
    await page.getByTestId('action-move').click();
    await page.getByTestId('pick-Kept from POP').click();
    await row('Popped 2').waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: 'Message moved to Kept from POP.' }).waitFor();

    await local().getByTestId('folder-Kept from POP').getByRole('button').click();
    await row('Popped 2').click();
    await page.getByTestId('message-subject').filter({ hasText: 'Popped 2' }).waitFor();
    await page.getByTestId('reading-pane').getByText('Body 2').waitFor();
    expect(await row('Popped 1').count()).toBe(0);
    const file = await screenshot(page, 'pop3-local-move');
    expect(file).toContain('pop3-local-move');
  });
});
