import { beforeAll, describe, expect, it } from 'vitest';
import { englishMail, gbkMail, utf8ChineseMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: search', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 } } });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
  });

  it('finds a Chinese word typed in the box, opens the result, and clearing returns to the folder', async () => {
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    const rows = web.page.getByTestId('message-row');
    await rows.filter({ hasText: 'Quarterly budget review' }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);

    // "/" focuses the box from anywhere outside a field.
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('/');
    await web.page.locator('[data-testid="search-box"]:focus').waitFor();
    await web.page.keyboard.type('subject:会议');
    const hit = rows.filter({ hasText: '会议通知：明天下午三点开会' });
    await hit.waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await hit.getByTestId('message-place').textContent()).toBe('Inbox');
    expect(await hit.getByTestId('message-account').textContent()).toContain(web.lab.users[0]!.email);
    // ↓ from the box reaches the results: the focus in the list, the first result selected and open.
    await web.page.keyboard.press('ArrowDown');
    await web.page.locator('[data-testid="message-list"]:focus').waitFor();
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await web.page.getByTestId('message-subject').filter({ hasText: '会议通知' }).waitFor();
    await web.page.getByTestId('message-text').filter({ hasText: '三楼会议室' }).waitFor();
    await screenshot(web.page, 'search-chinese');

    // Ctrl+K comes back to the box; clearing it returns to the Inbox with all its mail.
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('Control+k');
    await web.page.locator('[data-testid="search-box"]:focus').waitFor();
    await web.page.getByTestId('search-clear').click();
    await expect.poll(() => rows.count()).toBe(3);
    await web.page.getByTestId('search-box').fill('nothing-matches-this');
    await web.page.getByText('No message matches.').waitFor();
  });

  it('sorts search results as a folder sorts: oldest first at a click, and back', async () => {
    const rows = web.page.getByTestId('message-row');
    const subjects = () => rows.locator('.message-row__subject').allInnerTexts();
    await web.page.getByTestId('search-box').fill('from:example');
    await expect.poll(() => rows.count()).toBe(3);
    const newestFirst = await subjects();
    await web.page.getByTestId('list-sort-direction').click();
    await expect.poll(subjects).toEqual([...newestFirst].reverse());
    await web.page.getByTestId('list-sort-direction').click();
    await expect.poll(subjects).toEqual(newestFirst);
    // As the test before left it: the tests after start by clearing a query.
    await web.page.getByTestId('search-box').fill('nothing-matches-this');
  });

  it('keeps the box, its focus and every character while typing slowly, and searches nothing while an IME composes', async () => {
    const rows = web.page.getByTestId('message-row');
    const box = web.page.getByTestId('search-box');
    const listName = web.page.locator('.message-list__folder');
    await web.page.getByTestId('search-clear').click();
    await expect.poll(() => rows.count()).toBe(3);

    // Each pause outlasts the box's settling time, so each one searches and the results replace the list.
    await box.focus();
    await web.page.keyboard.type('budget review', { delay: 350 });
    await rows.filter({ hasText: 'Quarterly budget review' }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await box.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe('budget review');
    // type() returns 350 ms after the last key, whose search starts 250 ms after it: a thin margin. The row above matched "budget" already.
    await expect.poll(() => listName.textContent(), { timeout: 10_000 }).toBe('Search: budget review');
    expect(await web.page.getByTestId('composer').count()).toBe(0); // no letter fell through to a shortcut (c, r, e, v…)
    await screenshot(web.page, 'search-typed-slowly');

    // Pinyin being composed is not searched for, however long it stays; the characters chosen are.
    await web.page.getByTestId('search-clear').click();
    await expect.poll(() => rows.count()).toBe(3);
    await box.focus();
    const cdp = await web.page.context().newCDPSession(web.page);
    await cdp.send('Input.imeSetComposition', { text: 'hui', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: 'hui yi', selectionStart: 6, selectionEnd: 6 });
    await web.page.waitForTimeout(800);
    expect(await box.inputValue()).toBe('hui yi');
    expect(await listName.textContent()).toBe('Inbox');
    await cdp.send('Input.insertText', { text: '会议' });
    await expect.poll(() => listName.textContent()).toBe('Search: 会议');
    await rows.filter({ hasText: '会议通知：明天下午三点开会' }).waitFor();
    expect(await box.inputValue()).toBe('会议');
    expect(await box.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await cdp.detach();
  });

  it('opens the folder clicked right after typing, and its pending search never replaces it', async () => {
    const box = web.page.getByTestId('search-box');
    const listName = web.page.locator('.message-list__folder');
    await web.page.getByTestId('search-clear').click();
    await expect.poll(() => listName.textContent()).toBe('Inbox');
    // Typed, then a folder clicked before the box's settling time is over.
    await box.fill('budget');
    await web.page.getByTestId('folder-Sent').getByRole('button').click();
    await expect.poll(() => listName.textContent()).toBe('Sent');
    await web.page.waitForTimeout(1000); // well past the settling time
    expect(await listName.textContent()).toBe('Sent');
    expect(await box.inputValue()).toBe('');
  });
});
