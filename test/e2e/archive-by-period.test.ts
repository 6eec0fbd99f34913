import { beforeAll, describe, expect, it } from 'vitest';
import { serverEventually, serverSubjects } from '../lab/server-subjects';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** A message sent at noon on a local day, so its year and month are the same in any time zone's view of it here. */
function sentOn(subject: string, date: Date): string {
  return [`From: Ann <ann@example.test>`, 'To: alice@example.test', `Subject: ${subject}`, `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${subject.replace(/\s+/g, '-')}@example.test>`, '', `${subject} body`, ''].join('\r\n');
}

describe('web mode: Archive by month (Thunderbird\'s archive granularity)', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    const alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [sentOn('June minutes', new Date(2025, 5, 16, 12)), sentOn('November minutes', new Date(2026, 10, 17, 12))]);
    await addLabAccount(web.page, web.app.url, web.lab, alice);
    await row('June minutes').waitFor();
  });

  it('set in the account\'s settings, Archive files each message under its year and month, on the server too', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('open-settings').click();
    const granularity = web.page.locator('select[data-testid^="account-"][data-testid$="-archive"]');
    await granularity.selectOption('month');
    // The example is this month's folder, not a fixed one (QA).
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    expect(await granularity.locator('option[value="month"]').textContent()).toBe(`每月一个文件夹（Archive/${now.getFullYear()}/${thisMonth}）`);
    await granularity.scrollIntoViewIfNeeded();
    await screenshot(web.page, 'settings-archive-zh');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('language').selectOption('en');

    await row('June minutes').click();
    await web.page.keyboard.press('e');
    await row('June minutes').waitFor({ state: 'detached' });
    await row('November minutes').click();
    await web.page.keyboard.press('e');
    await row('November minutes').waitFor({ state: 'detached' });
    // The folders are made here at once, nested as on the server.
    await web.page.getByTestId('folder-Archive/2025/2025-06').click();
    await row('June minutes').waitFor();
    await web.page.getByTestId('folder-Archive/2026/2026-11').click();
    await row('November minutes').waitFor();
    await screenshot(web.page, 'archive-by-month-en');
    // Until the journal's CREATE has run, the server has no such folder to read.
    const onServer = (folder: string) => () => serverSubjects(web.lab, web.lab.users[0]!, folder).catch(() => []);
    await serverEventually(onServer('Archive/2025/2025-06'), ['June minutes']);
    await serverEventually(onServer('Archive/2026/2026-11'), ['November minutes']);
    expect(await onServer('INBOX')()).toEqual([]);
  });

  it('the year folders fold away with their twisty, the count of what is below shown, and stay folded after a reload', async () => {
    const year = web.page.getByTestId('folder-Archive/2026');
    await year.getByTestId('folder-twisty').click();
    await web.page.getByTestId('folder-Archive/2026/2026-11').waitFor({ state: 'detached' });
    expect(await year.getByTestId('folder-twisty').getAttribute('aria-expanded')).toBe('false');
    // Both archived messages are still unread (archived straight from the list): the year folders' counts, together.
    await web.page.getByTestId('folder-Archive').getByTestId('folder-twisty').first().click();
    await web.page.getByTestId('folder-Archive/2025').waitFor({ state: 'detached' });
    await expect.poll(() => web.page.getByTestId('folder-Archive').locator('.folder-row__unread--below').textContent()).toBe('2');
    await screenshot(web.page, 'folders-folded-en');
    await web.page.reload();
    await web.page.getByTestId('folder-Archive').waitFor();
    expect(await web.page.getByTestId('folder-Archive/2026').count()).toBe(0);
    await web.page.getByTestId('folder-Archive').getByTestId('folder-twisty').first().click();
    await web.page.getByTestId('folder-Archive/2025').waitFor();
    expect(await web.page.getByTestId('folder-Archive/2026/2026-11').count()).toBe(0);
  });

  it('the keyboard moves through the folders, opening each, and folds them as a tree does', async () => {
    const button = (path: string) => web.page.getByTestId(`folder-${path}`).locator('.folder-row__button');
    const focusedFolder = () => web.page.locator('.folder-row:has(:focus)').getAttribute('data-testid');
    await button('Archive').click();
    await web.page.keyboard.press('ArrowDown');
    expect(await focusedFolder()).toBe('folder-Archive/2025');
    await expect.poll(() => button('Archive/2025').getAttribute('aria-current')).toBe('true');
    // Left folds an open folder, Right shows it again and then goes into it; Left from a subfolder goes up.
    await web.page.keyboard.press('ArrowLeft');
    await web.page.getByTestId('folder-Archive/2025/2025-06').waitFor({ state: 'detached' });
    await web.page.keyboard.press('ArrowRight');
    await web.page.getByTestId('folder-Archive/2025/2025-06').waitFor();
    await web.page.keyboard.press('ArrowRight');
    expect(await focusedFolder()).toBe('folder-Archive/2025/2025-06');
    await row('June minutes').waitFor();
    await screenshot(web.page, 'folders-keyboard-en');
    await web.page.keyboard.press('ArrowLeft');
    expect(await focusedFolder()).toBe('folder-Archive/2025');
    // Home goes to the first row: the account's heading, above its folders.
    await web.page.keyboard.press('Home');
    await expect.poll(() => web.page.locator('[data-testid="account-heading"]:focus').count()).toBe(1);
    // End to the last: here the Local Folders' heading, which holds no folder yet.
    await web.page.keyboard.press('End');
    const last = web.page.locator('[data-testid="folder-tree"]').locator('.folder-row__button, .folder-tree__account-name').last();
    expect(await last.evaluate((row) => row === row.ownerDocument.activeElement)).toBe(true);
    await web.page.keyboard.press('?');
    await expect.poll(() => web.page.getByTestId('shortcut-help').innerText()).toContain('In the folder pane');
    await web.page.keyboard.press('Escape');
  });

  it('the folder pane is one Tab stop: Tab comes back to the folder last on, and leaves the pane at the next Tab', async () => {
    const button = (path: string) => web.page.getByTestId(`folder-${path}`).locator('.folder-row__button');
    const focusedFolder = () => web.page.locator('.folder-row:has(:focus)').getAttribute('data-testid');
    await button('INBOX').click();
    await web.page.keyboard.press('ArrowDown');
    const on = await focusedFolder();
    expect(on).not.toBe('folder-INBOX');
    // Out of the pane at once (not through every folder below), and back onto the same folder.
    await web.page.keyboard.press('Tab');
    expect(await web.page.locator('[data-testid="folder-tree"] :focus').count()).toBe(0);
    await web.page.keyboard.press('Shift+Tab');
    expect(await focusedFolder()).toBe(on);
    await expect.poll(() => web.page.locator('[data-testid="folder-tree"] [tabindex="0"]').count()).toBe(1);
    // Left from a top folder goes up to its account's heading, a row of the tree too; Right comes back down.
    await button('INBOX').click();
    await web.page.keyboard.press('ArrowLeft');
    await expect.poll(() => web.page.locator('[data-testid="account-heading"]:focus').count()).toBe(1);
    // There the keyboard opens the account's menu.
    await web.page.keyboard.press('Shift+F10');
    await web.page.getByTestId('account-menu-remove').waitFor();
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('account-menu-remove').waitFor({ state: 'detached' });
    await web.page.getByTestId('account-heading').focus();
    await web.page.keyboard.press('ArrowRight');
    expect(await focusedFolder()).toBe('folder-INBOX');
  });

  it('an account folds away as Thunderbird\'s account rows do: ← on its heading, its unread counted there; → shows it again, and it stays as left', async () => {
    await web.page.getByTestId('folder-INBOX').locator('.folder-row__button').click();
    await web.page.keyboard.press('ArrowLeft');
    await web.page.keyboard.press('ArrowLeft');
    await web.page.getByTestId('folder-INBOX').waitFor({ state: 'detached' });
    const heading = web.page.getByTestId('account-heading');
    expect(await heading.getAttribute('title')).toBe(web.lab.users[0]!.email);
    expect(Number(await heading.locator('.folder-row__unread').textContent())).toBeGreaterThan(0);
    await screenshot(web.page, 'account-folded-en');
    await web.page.reload();
    await web.page.getByTestId('account-heading').waitFor();
    expect(await web.page.getByTestId('folder-INBOX').count()).toBe(0);
    await heading.getByTestId('account-twisty').click();
    await web.page.getByTestId('folder-INBOX').waitFor();
  });
});
