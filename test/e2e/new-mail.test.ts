import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { submitMail } from '../lab/submit-mail';
import { addLabAccount } from './add-lab-account';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

/** Runs in the page before its own scripts: records what the page asks of the Notification API, the real one still runs. */
const RECORD_NOTIFICATIONS = `
  window.shownNotifications = [];
  window.Notification = class extends window.Notification {
    constructor(title, options) {
      super(title, options);
      window.shownNotifications.push({ title, body: options && options.body });
    }
  };
`;

// These run in the page (the tests' own TypeScript has no DOM library): the shapes they use.
declare const document: { title: string };
declare const Notification: { permission: string };
declare const window: { shownNotifications: unknown[] };

/** Web mode, the whole way: SMTP delivery, push in the core, the title and a browser notification. */
describe('web mode: new mail pushed to the page', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Earlier', to: alice.email })));
    app = await startWebApp();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 800 } });
    await context.addInitScript(RECORD_NOTIFICATIONS);
    page = await context.newPage();
    await addLabAccount(page, app.url, lab, alice);
    await page.getByTestId('message-row').nth(1).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('shows the Inbox unread count in the title and offers notifications without asking by itself', async () => {
    await page.waitForFunction(() => document.title === '(2) Wren');
    await page.getByTestId('enable-notifications').waitFor();
    expect(await page.evaluate(() => Notification.permission)).toBe('default');
    await screenshot(page, 'new-mail-enable-notifications');
  });

  it('after "Enable notifications", a message submitted over SMTP shows up: notification, title and list', async () => {
    await context.grantPermissions(['notifications'], { origin: new URL(app.url).origin });
    await page.getByTestId('enable-notifications').click();
    await page.getByTestId('enable-notifications').waitFor({ state: 'detached' });
    await submitMail(lab, lab.users[1]!, lab.users[0]!, 'Pushed to the page');
    await page.getByTestId('message-row').filter({ hasText: 'Pushed to the page' }).waitFor();
    await page.waitForFunction(() => document.title === '(3) Wren');
    await page.waitForFunction(() => window.shownNotifications.length > 0);
    expect(await page.evaluate(() => window.shownNotifications)).toEqual([{ title: 'Sender', body: 'Pushed to the page' }]);
    await screenshot(page, 'new-mail-pushed');
  });
});
