import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoconfigXml, startAutoconfigServer, type TestAutoconfigServer } from '../lab/autoconfig-server';
import { startDnsServer, type TestDnsServer } from '../lab/dns-server';
import type { LabUser } from '../lab/lab';
import { serverEventually, serverSubjects } from '../lab/server-subjects';
import { simpleMessage } from '../lab/simple-message';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/**
 * Several accounts in the real UI: set up from the address and password only
 * (the lab's servers served as example.test's autoconfig file on loopback,
 * through the web mode's test hook), a second account from the toolbar, the
 * unified Inbox with each message's account marked, and removing an account.
 */
describe('web mode: accounts from the address alone, and the unified Inbox', () => {
  let http: TestAutoconfigServer;
  let dns: TestDnsServer;

  beforeAll(async () => {
    http = await startAutoconfigServer();
    // Nothing is asked of DNS when the file is found; this keeps any stray question off the real network.
    dns = await startDnsServer();
  });
  afterAll(async () => {
    await dns?.close();
    await http?.close();
  });
  const web = webSession(() => ({ env: { WREN_TEST_AUTOCONFIG_BASE: http.base, WREN_TEST_DNS: dns.server }, page: { viewport: { width: 1400, height: 900 } } }));
  beforeAll(async () => {
    const [alice, bob] = web.lab.users;
    await web.lab.seed(alice!.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'For alice', to: alice!.email })));
    await web.lab.seed(bob!.email, 'INBOX', [3, 4, 5].map((n) => simpleMessage(n, { subject: 'For bob', to: bob!.email })));
    http.routes.set('/example.test/mail/config-v1.1.xml', {
      body: autoconfigXml('example.test', [
        { type: 'imap', host: web.lab.host, port: web.lab.ports.imaps, socketType: 'SSL' },
        { type: 'pop3', host: web.lab.host, port: web.lab.ports.pop3s, socketType: 'SSL' },
        { type: 'smtp', host: web.lab.host, port: web.lab.ports.submission, socketType: 'STARTTLS' },
      ]),
    });
  });

  /** Address and password, Find, acknowledge the warning, Use, then the filled form's Test, Trust and Save. */
  async function setUpFromAddress(user: LabUser, shot?: string): Promise<void> {
    await web.page.getByTestId('setup-discover-email').fill(user.email);
    await web.page.getByTestId('setup-discover-password').fill(user.password);
    await web.page.getByTestId('setup-discover-find').click();
    const result = web.page.getByTestId('discovery-result');
    await result.waitFor();
    expect(await web.page.getByTestId('discovery-server-imap').textContent()).toContain(`${web.lab.host}:${web.lab.ports.imaps}`);
    expect(await web.page.getByTestId('discovery-warning').textContent()).toContain(`${web.lab.host} is not part of example.test`);
    expect(await web.page.getByTestId('discovery-use').isDisabled()).toBe(true);
    await web.page.getByTestId('discovery-ack').check();
    if (shot) await screenshot(web.page, shot);
    await web.page.getByTestId('discovery-use').click();
    expect(await web.page.getByTestId('setup-imap-host').inputValue()).toBe(web.lab.host);
    await web.page.getByTestId('setup-test').click();
    await web.page.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('setup-save').and(web.page.locator(':enabled')).waitFor();
    await web.page.getByTestId('setup-save').click();
  }

  it('sets up the first account from the address and password only', async () => {
    await web.page.goto(web.app.url);
    await setUpFromAddress(web.lab.users[0]!, 'discovery-found');
    await web.page.getByTestId('mail-view').waitFor();
    await web.page.getByTestId('message-row').first().waitFor();
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(2);
  });

  it('adds a second account from the toolbar the same way, and shows the unified views with counts', async () => {
    await web.page.getByTestId('add-account').click();
    await setUpFromAddress(web.lab.users[1]!);
    await web.page.getByTestId('add-account-dialog').waitFor({ state: 'detached' });
    await web.page.getByTestId('unified-views').waitFor();
    await expect.poll(() => web.page.getByTestId('view-inbox-count').textContent(), { timeout: 30_000 }).toBe('5');
    expect(await web.page.getByTestId('account-heading').allTextContents()).toEqual([web.lab.users[0]!.email, web.lab.users[1]!.email]);
  });

  it('lists both accounts\' mail in All Inboxes, newest first, each row marked with its account', async () => {
    await web.page.getByTestId('view-inbox').getByRole('button').click();
    await expect.poll(() => web.page.getByTestId('message-row').count(), { timeout: 30_000 }).toBe(5);
    const marks = await web.page.getByTestId('message-account').allTextContents();
    expect(marks).toEqual([web.lab.users[1]!.email, web.lab.users[1]!.email, web.lab.users[1]!.email, web.lab.users[0]!.email, web.lab.users[0]!.email]);
    const colours = await web.page.getByTestId('message-row').evaluateAll((rows) => rows.map((row) => (row as unknown as { style: { borderInlineStartColor: string } }).style.borderInlineStartColor));
    expect(new Set(colours).size).toBe(2);
    await screenshot(web.page, 'unified-inbox');
  });

  it('sorts All Inboxes as a folder sorts: oldest first, then back to newest first', async () => {
    const subjects = () => web.page.getByTestId('message-row').locator('.message-row__subject').allInnerTexts();
    const newestFirst = await subjects();
    await web.page.getByTestId('list-sort-direction').click();
    await expect.poll(subjects).toEqual([...newestFirst].reverse());
    await web.page.getByTestId('list-sort-direction').click();
    await expect.poll(subjects).toEqual(newestFirst);
  });

  it('narrows All Inboxes with the quick filter as a folder\'s, words of either account and Unread', async () => {
    const rows = web.page.getByTestId('message-row');
    await web.page.getByTestId('list-filter-text').fill('bob');
    await expect.poll(() => rows.locator('.message-row__subject').allInnerTexts()).toEqual(['For bob 5', 'For bob 4', 'For bob 3']);
    expect(await web.page.getByTestId('message-list-count').textContent()).toBe('3 of 5 messages');
    await screenshot(web.page, 'unified-inbox-quick-filter');
    await web.page.getByTestId('list-filter-text').fill('');
    await expect.poll(() => rows.count()).toBe(5);
    await web.page.getByTestId('list-filter-unread').click();
    await expect.poll(() => rows.count()).toBe(5);
    await web.page.getByTestId('list-filter-unread').click();
  });

  it('keeps a message read in Unread listed and selected until the view is left, as Thunderbird does', async () => {
    const rows = web.page.getByTestId('message-row');
    await web.page.getByTestId('view-unread').getByRole('button').click();
    await web.page.getByTestId('message-list-folder').filter({ hasText: 'Unread' }).waitFor();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
    expect(await web.page.getByTestId('list-filter-unread').count()).toBe(1);
    await rows.first().click();
    // Marked read after the settings' delay (2 s): the row stays, selected, the toolbar offering Mark as unread.
    await expect.poll(() => web.page.locator('.message-row--unread').count(), { timeout: 10_000 }).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // past the view's refresh after the change
    expect(await rows.count()).toBe(5);
    expect(await rows.first().getAttribute('aria-selected')).toBe('true');
    await screenshot(web.page, 'unified-unread-kept');
    await web.page.getByTestId('view-inbox').getByRole('button').click();
    await web.page.getByTestId('view-unread').getByRole('button').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    await web.page.getByTestId('view-inbox').getByRole('button').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
  });

  it('acts on a selection that spans both accounts: Select all, Mark as read (Shift+I), and every Inbox is read', async () => {
    await web.page.getByTestId('message-row').first().click();
    await web.page.getByTestId('message-list').press('Control+a');
    await web.page.getByTestId('selection-count').waitFor();
    expect(await web.page.getByTestId('selection-count').textContent()).toContain('5 messages selected');
    // Shift+I (Mark as read): with the selection's count beside it, the toolbar's own button may have gone into More.
    await web.page.getByTestId('message-list').press('Shift+I');
    await web.page.getByTestId('view-inbox-count').waitFor({ state: 'detached', timeout: 15_000 });
    // The rows and the counts reload on timers of their own (300 ms after the changes each hears of): either may show it first.
    await expect.poll(() => web.page.locator('.message-row--unread').count(), { timeout: 10_000 }).toBe(0);
  });

  it('Move to… lists every account\'s folders, as Thunderbird\'s does, and moves a message into the other account', async () => {
    const [alice, bob] = web.lab.users;
    await web.page.getByTestId('account-1').getByTestId('folder-INBOX').getByRole('button').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'For alice 2' }).click();
    await web.page.getByTestId('action-move').click();
    const picker = web.page.getByTestId('folder-picker');
    expect(await picker.locator('.folder-picker__group').allTextContents()).toEqual([alice!.email, bob!.email]);
    await picker.getByTestId('pick-Archive').last().click();
    await serverEventually(() => serverSubjects(web.lab, bob!, 'Archive'), ['For alice 2']);
    await serverEventually(() => serverSubjects(web.lab, alice!, 'INBOX'), ['For alice 1']);
    // And here, in the other account's Archive.
    await web.page.getByTestId('account-2').getByTestId('folder-Archive').getByRole('button').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'For alice 2' }).waitFor();
  });

  it('removes an account after a confirmation that says the server keeps the mail; the other stays', async () => {
    await web.page.getByTestId('account-heading').nth(1).click({ button: 'right' });
    await web.page.getByTestId('account-menu-remove').click();
    const dialog = web.page.getByTestId('confirm-dialog');
    // Its 3, and the one moved in from alice (the folder counts the dialog sums follow the move within the view's refresh).
    await expect.poll(() => dialog.textContent()).toMatch(/4 messages.*Nothing is deleted on the server/);
    await screenshot(web.page, 'remove-account-confirm');
    await web.page.getByTestId('confirm-ok').click();
    await expect.poll(() => web.page.getByTestId('account-heading').count(), { timeout: 15_000 }).toBe(1);
    await web.page.getByTestId('unified-views').waitFor({ state: 'detached' });
    await expect.poll(() => web.page.getByTestId('message-row').count(), { timeout: 15_000 }).toBe(1); // alice's Inbox, less the message moved out
    await screenshot(web.page, 'after-remove-account');
  });
});
