import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage } from '../lab/conversation-messages';
import { submitMail } from '../lab/submit-mail';
import { connectImap } from '../lab/lab';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Web mode against the lab, in Chinese: a filter made in Settings, run on the Inbox, and meeting new mail by itself. */
describe('web mode: message filters', () => {
  const web = webSession({ page: { locale: 'zh-CN', viewport: { width: 1400, height: 900 } } });
  const subjects = async () => (await web.page.getByTestId('message-row').locator('.message-row__subject').allInnerTexts()).map((s) => s.trim());

  beforeAll(async () => {
    const alice = web.lab.users[0]!.email;
    await web.lab.seed(alice, 'Projects', []);
    await web.lab.seed(alice, 'Lists', [conversationMessage({ id: 'old', from: 'list@lists.example.org', to: alice, subject: 'Old digest', date: 'Sun, 29 Nov 2026 09:00:00 +0000', body: '.' })]);
    await web.lab.seed(alice, 'INBOX', [
      conversationMessage({ id: 'n1', from: 'Digest <news@lists.example.org>', to: alice, subject: '每周摘要', date: 'Mon, 30 Nov 2026 09:00:00 +0000', body: '本周…' }),
      conversationMessage({ id: 'n2', from: 'Dan <dan@example.test>', to: alice, subject: 'Lunch?', date: 'Mon, 30 Nov 2026 10:00:00 +0000', body: 'Noon?' }),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!, { smtp: true });
    await web.page.getByTestId('message-row').nth(1).waitFor();
  });

  it('a filter made in Settings moves what matches when run on the Inbox, and reads back as a sentence', async () => {
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByText('还没有过滤器。').waitFor();
    // Escape in the form cancels the form alone, as its Cancel does: Settings around it stays open.
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('草稿');
    await editor.getByTestId('filter-text').fill('lists.example.org');
    await web.page.keyboard.press('Escape');
    await editor.getByTestId('filter-form').waitFor({ state: 'detached' });
    expect(await web.page.getByTestId('settings').isVisible()).toBe(true);
    expect(await editor.getByTestId('filter-row').count()).toBe(0);
    await editor.getByTestId('filter-add').click();
    expect(await editor.getByTestId('filter-name').inputValue()).toBe('');
    expect(await editor.getByTestId('filter-save').isDisabled()).toBe(true);
    await editor.getByTestId('filter-name').fill('邮件列表');
    await editor.getByTestId('filter-text').fill('lists.example.org');
    await editor.getByTestId('filter-move').selectOption({ label: 'Lists' });
    await editor.getByTestId('filter-read').check();
    await editor.getByTestId('filter-form').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-form-zh');
    await editor.getByTestId('filter-save').click();
    const row = editor.getByTestId('filter-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('发件人 包含 “lists.example.org” → 移动到 Lists、标记为已读');
    await screenshot(web.page, 'filters-settings-zh');
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor.getByTestId('filter-ran').textContent()).toBe('匹配 1 封，移动或删除 1 封。');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await expect.poll(subjects).toEqual(['Lunch?']);
    await web.page.getByTestId('folder-Lists').getByRole('button').click();
    await expect.poll(subjects).toEqual(['每周摘要', 'Old digest']);
  });

  it('new mail that meets a filter is starred as it arrives, without anything run by hand', async () => {
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('紧急');
    await editor.getByTestId('filter-field').selectOption('subject');
    // Thunderbird's comparisons: "begins with" here.
    expect(await editor.getByTestId('filter-operator').locator('option').allTextContents()).toEqual(['包含', '不包含', '是', '不是', '开头是', '结尾是']);
    await editor.getByTestId('filter-operator').selectOption('beginsWith');
    await editor.getByTestId('filter-text').fill('紧急');
    await editor.getByTestId('filter-flag').check();
    await editor.getByTestId('filter-save').click();
    await expect.poll(() => editor.getByTestId('filter-row').count()).toBe(2);
    // The new filter runs last; ↑ makes it run first.
    await editor.getByTestId('filter-row').nth(1).getByTestId('filter-up').click();
    await expect.poll(async () => editor.getByTestId('filter-row').first().textContent()).toContain('主题 开头是 “紧急” → 加星标');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await submitMail(web.lab, web.lab.users[1]!, web.lab.users[0]!, '紧急：服务器宕机');
    await submitMail(web.lab, web.lab.users[1]!, web.lab.users[0]!, '周报');
    const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
    await expect.poll(async () => row('紧急：服务器宕机').locator('.message-row__flag').count(), { timeout: 20_000 }).toBe(1);
    await row('周报').waitFor();
    expect(await row('周报').locator('.message-row__flag').count()).toBe(0);
    await screenshot(web.page, 'filters-new-mail-starred-zh');
  });

  it('"Create filter from message…" in a message menu starts from its sender, and the filter joins the account filters', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Lunch?' }).click({ button: 'right' });
    await web.page.getByTestId('menu-create-filter').click();
    const dialog = web.page.getByTestId('filter-from-message');
    expect(await dialog.getByTestId('filter-name').inputValue()).toBe('Dan');
    expect(await dialog.getByTestId('filter-field').inputValue()).toBe('from');
    expect(await dialog.getByTestId('filter-text').inputValue()).toBe('dan@example.test');
    await dialog.getByTestId('filter-tag').selectOption('$label3');
    await screenshot(web.page, 'filters-from-message-zh');
    await dialog.getByTestId('filter-save').click();
    await web.page.getByTestId('toast').filter({ hasText: '已保存过滤器“Dan”' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await web.page.getByTestId('open-settings').click();
    const rows = web.page.locator('[data-testid$="-filters"]').getByTestId('filter-row');
    await expect.poll(() => rows.count()).toBe(3);
    // Switched off, a filter stays listed, and stays off when Settings opens again.
    await rows.nth(2).getByTestId('filter-enabled').uncheck();
    await expect.poll(() => rows.nth(2).getByTestId('filter-enabled').isChecked()).toBe(false);
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('open-settings').click();
    await expect.poll(() => rows.nth(2).getByTestId('filter-enabled').isChecked()).toBe(false);
    expect(await web.page.locator('[data-testid$="-filters"]').locator('[role="alert"]').count()).toBe(0);
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });

  it('a size condition offers only "greater than" and "less than", in KB, and reads back as Thunderbird\'s "Size (KB)"', async () => {
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('大邮件');
    await editor.getByTestId('filter-text').fill('example');
    // Switching to the size empties the text typed for the sender and takes the size's own comparisons.
    await editor.getByTestId('filter-field').selectOption('size');
    expect(await editor.getByTestId('filter-text').inputValue()).toBe('');
    expect(await editor.getByTestId('filter-operator').locator('option').allTextContents()).toEqual(['大于', '小于']);
    await editor.getByTestId('filter-text').fill('4096');
    await editor.getByTestId('filter-read').check();
    await screenshot(web.page, 'filters-size-zh');
    await editor.getByTestId('filter-save').click();
    const row = editor.getByTestId('filter-row').filter({ hasText: '大邮件' });
    await expect.poll(async () => row.textContent()).toContain('大小（KB） 大于 4096 → 标记为已读');
    // None of the Inbox's messages is that large.
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor.getByTestId('filter-ran').textContent()).toBe('匹配 0 封，移动或删除 0 封。');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });

  it('a status is picked from a list and an age counts days; "Copy to" files a copy and leaves the message where it is', async () => {
    await web.page.getByTestId('folder-INBOX').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'Lunch?' }).click();
    await web.page.keyboard.press('s');
    await web.page.getByTestId('message-row').filter({ hasText: 'Lunch?' }).locator('.message-row__flag').waitFor();
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('旧的星标邮件');
    const [status, age] = [editor.getByTestId('filter-condition').nth(0), editor.getByTestId('filter-condition').nth(1)];
    await status.getByTestId('filter-field').selectOption('status');
    expect(await status.getByTestId('filter-operator').locator('option').allTextContents()).toEqual(['是', '不是']);
    expect(await status.getByTestId('filter-text').locator('option').allTextContents()).toEqual(['已读', '已加星标', '已回复', '有附件']);
    await status.getByTestId('filter-text').selectOption('flagged');
    await editor.getByTestId('filter-add-condition').click();
    await age.getByTestId('filter-field').selectOption('age');
    await age.getByTestId('filter-text').fill('3');
    expect(await age.locator('.filter-form__unit').textContent()).toBe('天');
    await editor.getByTestId('filter-copy').selectOption({ label: 'Lists' });
    await screenshot(web.page, 'filters-status-age-copy-zh');
    await editor.getByTestId('filter-save').click();
    const row = editor.getByTestId('filter-row').filter({ hasText: '旧的星标邮件' });
    await expect.poll(async () => row.textContent()).toContain('状态 是 已加星标，且天数（发送至今） 大于 3 → 复制到 Lists');
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor.getByTestId('filter-ran').textContent()).toBe('匹配 1 封，移动或删除 0 封，复制 1 封。');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('folder-Lists').click();
    await expect.poll(subjects).toContain('Lunch?');
    await web.page.getByTestId('folder-INBOX').click();
    await expect.poll(subjects).toContain('Lunch?');
  });

  it('a move the server refuses (its folder deleted on another device) is said so in the filter log, in Chinese and English; the mail stays', async () => {
    const other = await connectImap(web.lab, web.lab.users[0]!.email);
    await other.mailboxDelete('Projects');
    await other.logout();
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('项目');
    await editor.getByTestId('filter-field').selectOption('subject');
    await editor.getByTestId('filter-text').fill('Lunch');
    await editor.getByTestId('filter-move').selectOption({ label: 'Projects' });
    await editor.getByTestId('filter-save').click();
    const row = editor.getByTestId('filter-row').filter({ hasText: '项目' });
    await row.getByTestId('filter-run').click();
    await expect.poll(async () => editor.getByTestId('filter-ran').textContent()).toBe('匹配 1 封，移动或删除 1 封。');
    // The replay meets the server's NO: the log line says what was refused, and why.
    await editor.getByTestId('filter-log-toggle').click();
    const newest = editor.getByTestId('filter-log-line').first().locator('.filter-log__what');
    await expect.poll(() => newest.textContent(), { timeout: 20_000 }).toMatch(/^项目：来自 Dan 的“Lunch\?”：移动到 Projects——服务器拒绝，本地已撤销：.+/);
    await editor.getByTestId('filter-log').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-log-refused-zh');
    await web.page.getByTestId('language').selectOption('en');
    await expect.poll(() => newest.textContent()).toMatch(/^项目: “Lunch\?” from Dan: moved to Projects — refused by the server, undone here: .+/);
    await screenshot(web.page, 'filters-log-refused-en');
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('folder-INBOX').click();
    await expect.poll(subjects).toContain('Lunch?');
    // Put back where the server has it, the message is not new mail: the new-mail filters do not run on it again.
    await web.page.getByTestId('open-settings').click();
    await editor.getByTestId('filter-log-toggle').click();
    await expect.poll(() => editor.getByTestId('filter-log-line').count()).toBeGreaterThan(0);
    expect((await editor.getByTestId('filter-log-line').allTextContents()).filter((line) => line.includes('Lunch?'))).toHaveLength(2);
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });

  it('a filter that runs after sending files the Sent copy of what is sent to Bob into Lists; it reads back as such, in Chinese and English', async () => {
    const bob = web.lab.users[1]!.email;
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-undo-send').fill('0');
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('发给 Bob 的邮件');
    await editor.getByTestId('filter-field').selectOption('recipients');
    await editor.getByTestId('filter-text').fill(bob);
    await editor.getByTestId('filter-move').selectOption({ label: 'Lists' });
    await editor.getByTestId('filter-on-new-mail').uncheck();
    await editor.getByTestId('filter-after-sending').check();
    await editor.getByTestId('filter-run-on').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-after-sending-form-zh');
    await web.page.getByTestId('language').selectOption('en');
    await editor.getByText('After sending (on the copy in Sent)').waitFor();
    await screenshot(web.page, 'filters-after-sending-form-en');
    await web.page.getByTestId('language').selectOption('zh');
    await editor.getByTestId('filter-save').click();
    const row = editor.getByTestId('filter-row').filter({ hasText: '发给 Bob 的邮件' });
    await expect.poll(async () => row.textContent()).toContain(`→ 移动到 Lists（发送之后）`);
    await web.page.getByTestId('settings').locator('.dialog__close').click();

    await web.page.keyboard.press('c');
    await web.page.getByTestId('compose-to').getByRole('combobox').fill(`${bob},`);
    await web.page.getByTestId('compose-subject').fill('报价单');
    await web.page.getByTestId('compose-body').fill('请查收。');
    await web.page.getByTestId('compose-body').press('Control+Enter');
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    // The app syncs Sent once the copy is filed; the filter then moves that copy.
    await web.page.getByTestId('folder-Lists').click();
    await expect.poll(subjects, { timeout: 30_000 }).toContain('报价单');
    await screenshot(web.page, 'filters-after-sending-filed-zh');
    await web.page.getByTestId('folder-Sent').click();
    await expect.poll(subjects).not.toContain('报价单');
  });

  it('a filter may run periodically over the Inbox, every so many minutes (one period for all), and says so', async () => {
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-filters"]');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-name').fill('旧邮件归档');
    await editor.getByTestId('filter-field').selectOption('age');
    await editor.getByTestId('filter-text').fill('30');
    await editor.getByTestId('filter-read').check();
    await editor.getByTestId('filter-periodically').check();
    const minutes = editor.getByTestId('filter-period-minutes');
    expect(await minutes.inputValue()).toBe('10');
    await minutes.fill('15');
    await editor.getByText('定期运行，每 15 分钟（作用于收件箱）').waitFor();
    await editor.getByTestId('filter-run-on').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'filters-periodically-zh');
    await editor.getByTestId('filter-save').click();
    const row = editor.getByTestId('filter-row').filter({ hasText: '旧邮件归档' });
    await expect.poll(async () => row.textContent()).toContain('→ 标记为已读（收到新邮件时、定期）');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });

  it('a filter whose folder is gone is turned off as new mail arrives, and a notice names it, with the way to Settings', async () => {
    // Projects was deleted on another device (above): once the folder list says so, the filter 项目 has nowhere to file.
    await web.page.getByTestId('sync-now').click();
    await expect.poll(() => web.page.getByTestId('folder-Projects').count(), { timeout: 20_000 }).toBe(0);
    await submitMail(web.lab, web.lab.users[1]!, web.lab.users[0]!, 'Lunch again?');
    const notice = web.page.getByTestId('toast-error').filter({ hasText: '项目' });
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain('过滤器“项目”已关闭：要放入新邮件的文件夹已不存在');
    await web.page.getByTestId('folder-INBOX').click();
    await expect.poll(subjects).toContain('Lunch again?');
    await screenshot(web.page, 'filters-turned-off-notice-zh');
    await notice.getByTestId('toast-undo').click();
    const row = web.page.locator('[data-testid$="-filters"]').getByTestId('filter-row').filter({ hasText: '项目' });
    await row.waitFor();
    expect(await row.getByTestId('filter-enabled').isChecked()).toBe(false);
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });
});

