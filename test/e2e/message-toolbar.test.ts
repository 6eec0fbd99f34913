import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { englishMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

/** What the toolbar shows as buttons, by test id, in order. */
const buttons = (page: Page) => page.getByTestId('message-toolbar').locator(':scope > button').evaluateAll((all) => all.map((b) => b.getAttribute('data-testid')));
/** The focused element's text or test id, as the page sees it. */
const focused = (page: Page, what: 'text' | 'testId') =>
  page.locator('*:focus').evaluate((element, kind) => (kind === 'text' ? element.textContent : element.getAttribute('data-testid')), what);
const height = async (page: Page) => (await page.getByTestId('message-toolbar').boundingBox())!.height;

describe('web mode: the message toolbar', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [englishMail]);
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1600, height: 800 } });
    await addLabAccount(page, app.url, lab, lab.users[0]!);
    await page.getByTestId('message-row').filter({ hasText: 'Quarterly budget review' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('wide: every action on one line, no More menu; ⌨ opens the shortcuts', async () => {
    await page.getByTestId('action-mark-unread').waitFor(); // the message, opened, is read
    expect(await buttons(page)).toEqual([
      'action-compose', 'action-reply', 'action-reply-all', 'action-forward', 'action-delete', 'action-archive', 'action-move',
      'action-copy', 'action-mark-unread', 'action-flag', 'action-junk',
    ]);
    expect(await page.getByTestId('action-more').count()).toBe(0);
    expect(await height(page)).toBeLessThan(45);
    await screenshot(page, 'message-toolbar-wide');

    await page.getByTestId('show-shortcuts').click();
    await page.getByTestId('shortcut-help').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-help').waitFor({ state: 'detached' });
  });

  it('narrow: still one line, the rest in More ▾, which the keyboard opens and walks; Flag becomes Unflag', async () => {
    const wideHeight = await height(page);
    await page.setViewportSize({ width: 860, height: 700 });
    await page.getByTestId('action-more').waitFor();
    expect(await height(page)).toBe(wideHeight);
    const shown = await buttons(page);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown).not.toContain('action-junk');
    expect(shown.at(-1)).toBe('action-more');
    // Nothing spills past the toolbar's end (the ⌨ button included).
    const toolbarRight = (await page.getByTestId('message-toolbar').boundingBox())!;
    const help = (await page.getByTestId('show-shortcuts').boundingBox())!;
    expect(help.x + help.width).toBeLessThanOrEqual(toolbarRight.x + toolbarRight.width);

    // Tab reaches More; Enter opens it on its first entry; arrows walk; Escape closes back onto the button.
    await page.getByTestId('action-more').focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More' });
    await menu.waitFor();
    const entries = await menu.getByRole('menuitem').allTextContents();
    expect(entries.at(-1)).toBe('Junk');
    expect(entries.length + shown.length - 1).toBe(11); // every action once, as a button or in the menu
    expect(await focused(page, 'text')).toBe(entries[0]);
    await screenshot(page, 'message-toolbar-narrow-more');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focused(page, 'testId')).toBe('action-more');

    await page.keyboard.press('ArrowDown');
    await menu.waitFor();
    while ((await focused(page, 'text')) !== 'Flag') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await page.getByTestId('message-row').filter({ hasText: 'Quarterly budget review' }).locator('.message-row__flag').waitFor();
    await page.getByTestId('action-more').click();
    expect(await menu.getByRole('menuitem').allTextContents()).toContain('Unflag');
    await page.getByTestId('action-more').click(); // the button closes its own menu
    await menu.waitFor({ state: 'detached' });
    await screenshot(page, 'message-toolbar-narrow');

    await page.getByTestId('language').selectOption('zh');
    await page.getByTestId('action-more').filter({ hasText: '更多' }).waitFor();
    expect(await height(page)).toBe(wideHeight);
    await screenshot(page, 'message-toolbar-narrow-zh');
    await page.getByTestId('language').selectOption('en');
  });
});
