import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishMail } from '../integration/search/search-lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** What the toolbar shows as buttons, by test id, in order. */
const buttons = (page: Page) => page.getByTestId('message-toolbar').locator(':scope > button').evaluateAll((all) => all.map((b) => b.getAttribute('data-testid')));
/** The focused element's text or test id, as the page sees it. */
const focused = (page: Page, what: 'text' | 'testId') =>
  page.locator('*:focus').evaluate((element, kind) => (kind === 'text' ? element.textContent : element.getAttribute('data-testid')), what);
const height = async (page: Page) => (await page.getByTestId('message-toolbar').boundingBox())!.height;

describe('web mode: the message toolbar', () => {
  const web = webSession({ page: { viewport: { width: 2200, height: 800 } } });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [englishMail, simpleMessage(1, { subject: 'Second one' })]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await web.page.getByTestId('message-row').filter({ hasText: 'Quarterly budget review' }).click();
  });

  it('wide: every action on one line, no More menu; ⌨ opens the shortcuts', async () => {
    await web.page.getByTestId('action-mark-unread').waitFor(); // the message, opened, is read
    expect(await buttons(web.page)).toEqual([
      'action-compose', 'action-reply', 'action-reply-all', 'action-forward', 'action-delete', 'action-archive', 'action-move',
      'action-copy', 'action-mark-unread', 'action-flag', 'action-junk', 'action-forward-attachment', 'action-redirect', 'action-edit-as-new', 'action-print',
      'action-save-as',
    ]);
    expect(await web.page.getByTestId('action-more').count()).toBe(0);
    expect(await height(web.page)).toBeLessThan(45);
    await screenshot(web.page, 'message-toolbar-wide');

    await web.page.getByTestId('show-shortcuts').click();
    await web.page.getByTestId('shortcut-help').waitFor();
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('shortcut-help').waitFor({ state: 'detached' });
  });

  it('narrow: still one line, the rest in More ▾, which the keyboard opens and walks; Star becomes Unstar', async () => {
    const wideHeight = await height(web.page);
    await web.page.setViewportSize({ width: 860, height: 700 });
    await web.page.getByTestId('action-more').waitFor();
    expect(await height(web.page)).toBe(wideHeight);
    const shown = await buttons(web.page);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown).not.toContain('action-junk');
    expect(shown.at(-1)).toBe('action-more');
    // Nothing spills past the toolbar's end (the ⌨ button included).
    const toolbarRight = (await web.page.getByTestId('message-toolbar').boundingBox())!;
    const help = (await web.page.getByTestId('show-shortcuts').boundingBox())!;
    expect(help.x + help.width).toBeLessThanOrEqual(toolbarRight.x + toolbarRight.width);

    // Tab reaches More; Enter opens it on its first entry; arrows walk; Escape closes back onto the button.
    await web.page.getByTestId('action-more').focus();
    await web.page.keyboard.press('Enter');
    const menu = web.page.getByRole('menu', { name: 'More' });
    await menu.waitFor();
    const entries = await menu.getByRole('menuitem').allTextContents();
    // The rarer ones last: they go into More first.
    expect(entries.slice(-5)).toEqual(['Forward as attachment', 'Redirect…', 'Edit as new', 'Print…', 'Save as file…']);
    expect(entries.length + shown.length - 1).toBe(16); // every action once, as a button or in the menu
    expect(await focused(web.page, 'text')).toBe(entries[0]);
    await screenshot(web.page, 'message-toolbar-narrow-more');
    await web.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focused(web.page, 'testId')).toBe('action-more');

    await web.page.keyboard.press('ArrowDown');
    await menu.waitFor();
    while ((await focused(web.page, 'text')) !== 'Star') await web.page.keyboard.press('ArrowDown');
    await web.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await web.page.getByTestId('message-row').filter({ hasText: 'Quarterly budget review' }).locator('.message-row__flag').waitFor();
    await web.page.getByTestId('action-more').click();
    expect(await menu.getByRole('menuitem').allTextContents()).toContain('Unstar');
    await web.page.getByTestId('action-more').click(); // the button closes its own menu
    await menu.waitFor({ state: 'detached' });
    await screenshot(web.page, 'message-toolbar-narrow');

    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('action-more').filter({ hasText: '更多' }).waitFor();
    expect(await height(web.page)).toBe(wideHeight);
    await screenshot(web.page, 'message-toolbar-narrow-zh');
    await web.page.getByTestId('language').selectOption('en');
  });

  it('a selection\'s count takes room from the actions, not past the end: "2 messages selected" and ⌨ stay in sight (QA)', async () => {
    await web.page.setViewportSize({ width: 1400, height: 800 });
    const rows = web.page.getByTestId('message-row');
    await rows.nth(0).click();
    await rows.nth(1).click({ modifiers: ['Control'] });
    const count = web.page.getByTestId('selection-count');
    await count.waitFor();
    const toolbar = (await web.page.getByTestId('message-toolbar').boundingBox())!;
    await expect.poll(async () => {
      const [label, help] = [(await count.boundingBox())!, (await web.page.getByTestId('show-shortcuts').boundingBox())!];
      return label.x + label.width <= toolbar.x + toolbar.width && help.x + help.width <= toolbar.x + toolbar.width;
    }).toBe(true);
    // Reply and Forward, which cannot act on two, gave their place to what can (QA: Mark as read had gone into More).
    await web.page.getByTestId('action-mark-read').or(web.page.getByTestId('action-mark-unread')).waitFor();
    await web.page.getByTestId('action-flag').or(web.page.getByTestId('action-unflag')).waitFor();
    await screenshot(web.page, 'message-toolbar-selection-count');
  });
});
