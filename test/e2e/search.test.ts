import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { englishMail, gbkMail, utf8ChineseMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

describe('web mode: search', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('finds a Chinese word typed in the box, opens the result, and clearing returns to the folder', async () => {
    await addLabAccount(page, app.url, lab, lab.users[0]!);
    const rows = page.getByTestId('message-row');
    await rows.filter({ hasText: 'Quarterly budget review' }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);

    // "/" focuses the box from anywhere outside a field.
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('/');
    await page.locator('[data-testid="search-box"]:focus').waitFor();
    await page.keyboard.type('subject:会议');
    const hit = rows.filter({ hasText: '会议通知：明天下午三点开会' });
    await hit.waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await hit.getByTestId('message-place').textContent()).toBe('Inbox');
    expect(await hit.getByTestId('message-account').textContent()).toContain(lab.users[0]!.email);
    await hit.click();
    await page.getByTestId('message-subject').filter({ hasText: '会议通知' }).waitFor();
    await page.getByTestId('message-text').filter({ hasText: '三楼会议室' }).waitFor();
    await screenshot(page, 'search-chinese');

    // Ctrl+K comes back to the box; clearing it returns to the Inbox with all its mail.
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('Control+k');
    await page.locator('[data-testid="search-box"]:focus').waitFor();
    await page.getByTestId('search-clear').click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByTestId('search-box').fill('nothing-matches-this');
    await page.getByText('No message matches.').waitFor();
  });
});
