import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage } from '../lab/conversation-messages';
import { serverSourceEventually } from '../lab/server-subjects';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const BUILD = [
  'From: Wren devs <dev@lists.example.org>', 'To: alice@example.test', 'Subject: Weekly build', 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'List-Id: Wren developers <dev.wren.example.org>', 'Message-ID: <build-e2e@example.org>', 'Content-Type: text/plain; charset=utf-8', '', 'The build is green.', '',
].join('\r\n');

/** Thunderbird's "Customize…" header conditions, "Body contains", "Forward Message to" and "Reply with Template", made in Settings and run on an Inbox never opened. */
describe('web mode: filters on a header field and on the body', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 } } });
  const subjects = async () => (await web.page.getByTestId('message-row').locator('.message-row__subject').allInnerTexts()).map((s) => s.trim());
  const editor = () => web.page.locator('[data-testid$="-filters"]');

  beforeAll(async () => {
    const alice = web.lab.users[0]!.email;
    await web.lab.seed(alice, 'Lists', []);
    await web.lab.seed(alice, 'INBOX', [
      BUILD,
      conversationMessage({ id: 'inv', from: 'Billing <billing@example.test>', to: alice, subject: 'November', date: 'Wed, 02 Dec 2026 09:00:00 +0000', body: 'Please find the invoice attached.' }),
      conversationMessage({ id: 'hi', from: 'Dan <dan@example.test>', to: alice, subject: 'Lunch?', date: 'Wed, 02 Dec 2026 10:00:00 +0000', body: 'Noon?' }),
    ]);
    // With the lab's SMTP server: the forward goes out through it.
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, web.lab.users[0]!, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('message-row').nth(2).waitFor();
  });

  /** Adds a filter of one condition, set up by `condition`, with the action `act`; returns its row. */
  async function addFilter(name: string, condition: () => Promise<void>, act: () => Promise<void>, shot?: string) {
    await editor().getByTestId('filter-add').click();
    await editor().getByTestId('filter-name').fill(name);
    await condition();
    await act();
    if (shot) {
      await editor().getByTestId('filter-form').scrollIntoViewIfNeeded();
      await screenshot(web.page, shot);
    }
    await editor().getByTestId('filter-save').click();
    const row = editor().getByTestId('filter-row').filter({ hasText: name });
    await row.waitFor();
    return row;
  }

  it('a header condition names its field beside the list; run, it moves the list mail read from the server', async () => {
    await web.page.getByTestId('open-settings').click();
    const row = await addFilter('Wren list', async () => {
      await editor().getByTestId('filter-field').selectOption('header');
      await editor().getByTestId('filter-text').fill('dev.wren.example.org');
      // Without the header's name the filter is not whole yet.
      expect(await editor().getByTestId('filter-save').isDisabled()).toBe(true);
      await editor().getByTestId('filter-header').fill('List-Id');
    }, async () => void (await editor().getByTestId('filter-move').selectOption({ label: 'Lists' })), 'filters-header-condition-en');
    expect(await row.textContent()).toContain('List-Id contains “dev.wren.example.org” → Move to Lists');
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor().getByTestId('filter-ran').textContent()).toBe('Matched 1, moved or deleted 1.');
  });

  it('a body condition offers contains and doesn\'t contain; run, it stars the mail whose text has the word', async () => {
    const row = await addFilter('Invoices', async () => {
      await editor().getByTestId('filter-field').selectOption('body');
      expect(await editor().getByTestId('filter-operator').locator('option').allTextContents()).toEqual(['contains', "doesn't contain"]);
      expect(await editor().getByTestId('filter-header').count()).toBe(0);
      await editor().getByTestId('filter-text').fill('invoice');
    }, () => editor().getByTestId('filter-flag').check());
    expect(await row.textContent()).toContain('Body contains “invoice” → Star');
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor().getByTestId('filter-ran').textContent()).toBe('Matched 1, moved or deleted 0.');
    await editor().getByTestId('filter-ran').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-header-body-en');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await expect.poll(subjects).toEqual(['Lunch?', 'November']);
    await web.page.getByTestId('message-row').filter({ hasText: 'November' }).locator('.message-row__flag').waitFor();
    // Read for the filter, not by the user: still unread.
    expect(await web.page.getByTestId('message-row').filter({ hasText: 'November' }).getAttribute('class')).toContain('unread');
    await web.page.getByTestId('folder-Lists').click();
    await expect.poll(subjects).toEqual(['Weekly build']);
  });

  it('a forward goes to an address inline or as an attachment; run, a new message reaches it through the outbox', async () => {
    await web.page.getByTestId('open-settings').click();
    await expect.poll(() => editor().getByTestId('filter-row').count()).toBe(2);
    const bob = web.lab.users[1]!;
    const row = await addFilter('Lunch to Bob', async () => {
      await editor().getByTestId('filter-field').selectOption('subject');
      await editor().getByTestId('filter-text').fill('lunch');
    }, async () => {
      expect(await editor().getByTestId('filter-forward-as').isDisabled()).toBe(true);
      await editor().getByTestId('filter-forward').fill(bob.email);
      await editor().getByTestId('filter-forward-as').selectOption('attachment');
    }, 'filters-forward-en');
    expect(await row.textContent()).toContain(`Subject contains “lunch” → Forward to ${bob.email} (as an attachment)`);
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor().getByTestId('filter-ran').textContent()).toBe('Matched 1, moved or deleted 0. Forwarded 1.');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    const source = await serverSourceEventually(web.lab, bob, 'INBOX', 'Fwd: Lunch?');
    expect(source).toMatch(/Content-Type: message\/rfc822/i);
  });

  it('Reply with Template offers the templates kept; run, the sender gets the template as the answer', async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [
      conversationMessage({ id: 'q', from: `Bob <${bob.email}>`, to: web.lab.users[0]!.email, subject: 'A question', date: 'Thu, 03 Dec 2026 09:00:00 +0000', body: 'Free on Friday?' }),
    ]);
    await web.page.getByTestId('folder-INBOX').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'A question' }).waitFor({ timeout: 20_000 });
    await web.page.keyboard.press('c');
    await web.page.getByTestId('composer').waitFor();
    await web.page.getByTestId('compose-subject').fill('Away this week');
    await web.page.getByTestId('compose-body').fill('Back on Monday.');
    await web.page.getByTestId('compose-save-template').click();
    await web.page.getByText('Saved as a template in Local Folders ▸ Templates.').waitFor();
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    await web.page.getByTestId('open-settings').click();
    const row = await addFilter('Away', async () => {
      await editor().getByTestId('filter-field').selectOption('from');
      await editor().getByTestId('filter-text').fill(bob.email);
    }, async () => {
      expect(await editor().getByTestId('filter-reply').locator('option').allTextContents()).toEqual(['(no reply)', 'Away this week']);
      await editor().getByTestId('filter-reply').selectOption({ label: 'Away this week' });
    }, 'filters-reply-template-en');
    expect(await row.textContent()).toContain(`From contains “${bob.email}” → Reply with template “Away this week”`);
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor().getByTestId('filter-ran').textContent()).toBe('Matched 1, moved or deleted 0. Answered 1 with the template.');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    const answer = await serverSourceEventually(web.lab, bob, 'INBOX', 'Re: A question');
    expect(answer).toContain('Back on Monday.');
    expect(answer).toMatch(/^Auto-Submitted: auto-replied\r$/m);
  });

  it('the filter log says what each filter did to which message, newest first, and empties on request', async () => {
    await web.page.getByTestId('open-settings').click();
    await editor().getByTestId('filter-log-toggle').click();
    const lines = editor().getByTestId('filter-log-line');
    await expect.poll(async () => lines.count()).toBe(4);
    const said = await lines.locator('.filter-log__what').allTextContents();
    expect(said).toEqual([
      'Away: “A question” from Bob: answered with “Away this week”',
      `Lunch to Bob: “Lunch?” from Dan: forwarded to ${web.lab.users[1]!.email}`,
      'Invoices: “November” from Billing: starred',
      'Wren list: “Weekly build” from Wren devs: moved to Lists',
    ]);
    await editor().getByTestId('filter-log').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-log-en');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });

  it('reads back in Chinese: the header by its own name, the body as 正文', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('open-settings').click();
    const rows = editor().getByTestId('filter-row');
    await expect.poll(async () => rows.allTextContents()).toEqual([
      expect.stringContaining('List-Id 包含 “dev.wren.example.org” → 移动到 Lists'), expect.stringContaining('正文 包含 “invoice” → 加星标'),
      expect.stringContaining(`主题 包含 “lunch” → 转发给 ${web.lab.users[1]!.email}（作为附件）`),
      expect.stringContaining(`发件人 包含 “${web.lab.users[1]!.email}” → 用模板回复 “Away this week”`),
    ]);
    await rows.last().scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-header-body-zh');
    await editor().getByTestId('filter-log-toggle').click();
    await expect.poll(async () => (await editor().getByTestId('filter-log-line').locator('.filter-log__what').allTextContents()).at(-1)).toBe('Wren list：来自 Wren devs 的“Weekly build”：移动到 Lists');
    await editor().getByTestId('filter-log').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-log-zh');
    await editor().getByTestId('filter-log-clear').click();
    await editor().getByText('过滤器还没有处理过任何邮件。').waitFor();
    await editor().getByTestId('filter-log-toggle').click();
    // The priority and the tags are picked from lists, in Chinese words.
    await editor().getByTestId('filter-add').click();
    await editor().getByTestId('filter-field').selectOption('priority');
    expect(await editor().getByTestId('filter-text').locator('option').allTextContents()).toEqual(['高', '普通', '低']);
    expect(await editor().getByTestId('filter-operator').locator('option').allTextContents()).toEqual(['是', '不是']);
    await editor().getByTestId('filter-add-condition').click();
    const tag = editor().getByTestId('filter-condition').nth(1);
    await tag.getByTestId('filter-field').selectOption('tag');
    expect(await tag.getByTestId('filter-text').locator('option').allTextContents()).toEqual(['重要', '工作', '个人', '待办', '稍后']);
    await editor().getByTestId('filter-form').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-priority-tag-zh');
    await editor().getByTestId('filter-cancel').click();
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('language').selectOption('en');
  });
});
