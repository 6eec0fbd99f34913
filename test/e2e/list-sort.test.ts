import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** Raw messages whose order differs by date, sender, subject and size. */
function message(n: number, from: string, subject: string, date: string, body: string): string {
  return [`From: ${from}`, 'To: bob@example.test', `Subject: ${subject}`, `Date: ${date}`, `Message-ID: <sort-${n}@example.test>`, '', body, ''].join('\r\n');
}

describe('web mode: sorting a folder by date, sender, subject or size', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const subjects = async () => (await web.page.getByTestId('message-row').locator('.message-row__subject').allInnerTexts()).map((s) => s.trim());

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [
      // 周瑜 (Zhou Yu) sorts by its pinyin, after Bob, and the quick filter finds him by it.
      message(1, `=?UTF-8?B?${Buffer.from('周瑜').toString('base64')}?= <z@example.test>`, 'Re: Budget', 'Mon, 5 Jan 2026 10:00:00 +0000', 'x'.repeat(5000)),
      message(2, 'amy <a@example.test>', 'agenda', 'Tue, 6 Jan 2026 10:00:00 +0000', 'short'),
      message(3, 'Bob <b@example.test>', 'Crab', 'Wed, 7 Jan 2026 10:00:00 +0000', 'y'.repeat(20000)),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await web.page.getByTestId('message-row').nth(2).waitFor();
  });

  it('newest first at the start; by subject (without "Re:") A to Z and back; by sender; by size; kept after a reload', async () => {
    expect(await subjects()).toEqual(['Crab', 'agenda', 'Re: Budget']);
    const by = web.page.getByTestId('list-sort-by');
    expect(await by.getAttribute('aria-label')).toBe('排序方式');
    await by.selectOption('subject');
    await expect.poll(subjects).toEqual(['agenda', 'Re: Budget', 'Crab']);
    await web.page.getByTestId('list-sort-direction').click();
    await expect.poll(subjects).toEqual(['Crab', 'Re: Budget', 'agenda']);
    await screenshot(web.page, 'list-sort-subject-zh');
    await by.selectOption('from');
    await expect.poll(subjects).toEqual(['agenda', 'Crab', 'Re: Budget']);
    await by.selectOption('size');
    await expect.poll(subjects).toEqual(['Crab', 'Re: Budget', 'agenda']);
    await web.page.reload();
    await web.page.getByTestId('message-row').nth(2).waitFor();
    expect(await web.page.getByTestId('list-sort-by').inputValue()).toBe('size');
    await expect.poll(subjects).toEqual(['Crab', 'Re: Budget', 'agenda']);
    await web.page.getByTestId('list-sort-by').selectOption('date');
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
  });

  it('the quick filter narrows the folder to unread, starred or with attachments; another folder starts unfiltered', async () => {
    const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
    await row('Crab').click();
    await web.page.getByTestId('action-flag').click();
    await row('agenda').click();
    await web.page.getByTestId('action-mark-read').click();
    await web.page.getByTestId('list-filter-flagged').click();
    await expect.poll(subjects).toEqual(['Crab']);
    expect(await web.page.getByTestId('list-filter-flagged').getAttribute('aria-pressed')).toBe('true');
    await web.page.getByTestId('list-filter-flagged').click();
    await web.page.getByTestId('list-filter-unread').click();
    await expect.poll(subjects).toEqual(['Crab', 'Re: Budget']);
    await screenshot(web.page, 'list-filter-unread-zh');
    // Read under the filter (marked read after the settings' 2 s): it stays listed, as in Thunderbird.
    await row('Re: Budget').click();
    await expect.poll(async () => row('Re: Budget').getAttribute('class'), { timeout: 6000 }).not.toContain('unread');
    expect(await subjects()).toEqual(['Crab', 'Re: Budget']);
    await web.page.getByTestId('list-filter-attachments').click();
    await web.page.getByTestId('message-list-note').filter({ hasText: '此文件夹中没有符合筛选条件的邮件。' }).waitFor();
    // The note is said under the quick filter that emptied the list, not between it and the folder's name.
    const [filterBar, note] = [await web.page.locator('.list-filter').boundingBox(), await web.page.getByTestId('message-list-note').boundingBox()];
    expect(note!.y).toBeGreaterThan(filterBar!.y);
    await screenshot(web.page, 'list-filter-none-zh');
    await web.page.getByTestId('folder-Sent').getByRole('button').click();
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
    expect(await web.page.getByTestId('list-filter-unread').getAttribute('aria-pressed')).toBe('false');
  });

  it('the quick filter\'s text keeps the messages whose sender, recipients or subject hold every word (Escape empties it); Tags the tagged ones', async () => {
    const box = web.page.getByTestId('list-filter-text');
    expect(await box.getAttribute('placeholder')).toBe('筛选这些邮件…');
    // Ctrl+Shift+K reaches the box from the list, as in Thunderbird.
    await web.page.getByTestId('message-row').first().click();
    await web.page.keyboard.press('Control+Shift+K');
    expect(await box.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await web.page.keyboard.type('CRAB');
    await expect.poll(subjects).toEqual(['Crab']);
    // Every message is to Bob (the user): his name keeps them all.
    await box.fill('bob');
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
    // A Chinese sender by pinyin, whole or by initials, as in the Address Book.
    await box.fill('budget zhouyu');
    await expect.poll(subjects).toEqual(['Re: Budget']);
    await box.fill('zy');
    await expect.poll(subjects).toEqual(['Re: Budget']);
    await screenshot(web.page, 'list-filter-text-zh');
    await box.fill('budget amy');
    await web.page.getByTestId('message-list-note').filter({ hasText: '此文件夹中没有符合筛选条件的邮件。' }).waitFor();
    // The note is said under the quick filter that emptied the list, not between it and the folder's name.
    const [filterBar, note] = [await web.page.locator('.list-filter').boundingBox(), await web.page.getByTestId('message-list-note').boundingBox()];
    expect(note!.y).toBeGreaterThan(filterBar!.y);
    await screenshot(web.page, 'list-filter-none-zh');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
    // It belongs to the folder open now, like the switches.
    await box.fill('crab');
    await expect.poll(subjects).toEqual(['Crab']);
    // Emptied, the box brings the whole list back with the message read still selected and open.
    const crab = web.page.getByTestId('message-row').filter({ hasText: 'Crab' });
    await crab.click();
    await web.page.getByTestId('message-subject').filter({ hasText: 'Crab' }).waitFor();
    await box.fill('');
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
    expect(await crab.getAttribute('aria-selected')).toBe('true');
    await web.page.getByTestId('message-subject').filter({ hasText: 'Crab' }).waitFor();
    await box.fill('crab');
    await expect.poll(subjects).toEqual(['Crab']);
    await web.page.getByTestId('folder-Sent').getByRole('button').click();
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
    expect(await web.page.getByTestId('list-filter-text').inputValue()).toBe('');
    // Tags (标签): the messages with any of the five tags, here agenda tagged Work with 2.
    await web.page.getByTestId('message-row').filter({ hasText: 'agenda' }).click();
    await web.page.keyboard.press('2');
    await web.page.getByTestId('list-filter-tagged').click();
    await expect.poll(subjects).toEqual(['agenda']);
    expect(await web.page.getByTestId('list-filter-tagged').textContent()).toBe('标签');
    await web.page.getByTestId('list-filter-tagged').click();
    await expect.poll(subjects).toEqual(['Crab', 'agenda', 'Re: Budget']);
  });

  it('Junk moves the message into the Junk folder; Not junk there brings it back to the Inbox', async () => {
    const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
    await row('agenda').click();
    await web.page.getByTestId('action-junk').click();
    await row('agenda').waitFor({ state: 'detached' });
    await web.page.getByTestId('toast').filter({ hasText: '邮件已标记为垃圾邮件，并已移至“垃圾邮件”文件夹。' }).waitFor();
    await web.page.getByTestId('folder-Junk').getByRole('button').click();
    await row('agenda').click();
    await screenshot(web.page, 'junk-folder-zh');
    await web.page.getByTestId('action-not-junk').click();
    await row('agenda').waitFor({ state: 'detached' });
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await row('agenda').waitFor();
  });
});

