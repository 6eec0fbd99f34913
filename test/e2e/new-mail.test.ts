import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { submitMail } from '../lab/submit-mail';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

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
  const web = webSession({ initScript: RECORD_NOTIFICATIONS });

  beforeAll(async () => {
    const alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Earlier', to: alice.email })));
    await addLabAccount(web.page, web.app.url, web.lab, alice);
    await web.page.getByTestId('message-row').nth(1).waitFor();
  });

  it('shows the Inbox unread count in the title and offers notifications without asking by itself', async () => {
    await web.page.waitForFunction(() => document.title === '(2) Wren');
    await web.page.getByTestId('enable-notifications').waitFor();
    expect(await web.page.evaluate(() => Notification.permission)).toBe('default');
    await screenshot(web.page, 'new-mail-enable-notifications');
  });

  it('after "Enable notifications", a message submitted over SMTP shows up: notification, title and list', async () => {
    await web.context.grantPermissions(['notifications'], { origin: new URL(web.app.url).origin });
    await web.page.getByTestId('enable-notifications').click();
    await web.page.getByTestId('enable-notifications').waitFor({ state: 'detached' });
    await submitMail(web.lab, web.lab.users[1]!, web.lab.users[0]!, 'Pushed to the page');
    await web.page.getByTestId('message-row').filter({ hasText: 'Pushed to the page' }).waitFor();
    await web.page.waitForFunction(() => document.title === '(3) Wren');
    await web.page.waitForFunction(() => window.shownNotifications.length > 0);
    expect(await web.page.evaluate(() => window.shownNotifications)).toEqual([{ title: 'Sender', body: 'Pushed to the page' }]);
    await screenshot(web.page, 'new-mail-pushed');
  });
});
