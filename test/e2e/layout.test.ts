import { beforeAll, describe, expect, it } from 'vitest';
import { conversationMessage } from '../lab/conversation-messages';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Runs in the page (the tests' own TypeScript has no DOM library).
declare const document: { createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } } };
declare function getComputedStyle(element: unknown): { fontSize: string; fontFamily: string; paddingLeft: string; paddingRight: string };

const mail = (subject: string, id: string, body: string) =>
  conversationMessage({ id, from: 'Bob Lee <bob@example.test>', to: 'alice@example.test', subject, date: 'Mon, 30 Nov 2026 09:00:00 +0000', body });

/** Thunderbird's View ▸ Layout: Classic (the message under the list) and the message pane hidden with F8. */
describe('web mode: the layout of the main window', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const box = async (selector: string) => (await web.page.locator(selector).first().boundingBox())!;

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [mail('Roadmap', 'roadmap', 'Q1: search. Q2: calendar.'), mail('Lunch', 'lunch', 'Noodles at one?')]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Lunch').waitFor();
  });

  it('at the default width the quick filter\'s box sits beside its toggles and shows its whole placeholder', async () => {
    const text = web.page.getByTestId('list-filter-text');
    expect(await text.getAttribute('placeholder')).toBe('Filter messages…');
    const room = await text.evaluate((element) => {
      const input = element as unknown as { clientWidth: number; placeholder: string };
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const content = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { content, placeholder: context.measureText(input.placeholder).width };
    });
    expect(room.content).toBeGreaterThanOrEqual(room.placeholder);
    expect(Math.abs((await box('[data-testid="list-filter-text"]')).y - (await box('[data-testid="list-filter-unread"]')).y)).toBeLessThan(4);
  });

  it('Classic puts the message under the list, chosen in Settings, and kept', async () => {
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-layout').selectOption('classic');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await row('Roadmap').click();
    await web.page.getByText('Q1: search. Q2: calendar.').waitFor();
    const list = await box('.mail-view__panes > .message-list');
    const reading = await box('.mail-view__panes > .reading-pane');
    expect(reading.y).toBeGreaterThanOrEqual(list.y + list.height - 1);
    expect(Math.abs(reading.x - list.x)).toBeLessThan(2);
    await screenshot(web.page, 'layout-classic-en');

    // The divider under the list, dragged 120 px down: the list grows by as much, and stays so after a reload.
    const divider = (await web.page.getByTestId('pane-divider-list-height').boundingBox())!;
    await web.page.mouse.move(divider.x + divider.width / 2, divider.y + divider.height / 2);
    await web.page.mouse.down();
    await web.page.mouse.move(divider.x + divider.width / 2, divider.y + divider.height / 2 + 120, { steps: 4 });
    await web.page.mouse.up();
    await expect.poll(async () => Math.round((await box('.mail-view__panes > .message-list')).height - list.height)).toBe(120);
    await web.page.reload();
    await expect.poll(() => web.page.getByTestId('mail-panes').getAttribute('data-arrangement')).toBe('classic');
    await expect.poll(async () => Math.round((await box('.mail-view__panes > .message-list')).height - list.height)).toBe(120);
  });

  it('Wide puts the list across the window, the folders and the message under it', async () => {
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-layout').selectOption('wide');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await expect.poll(() => web.page.getByTestId('mail-panes').getAttribute('data-arrangement')).toBe('wide');
    await row('Roadmap').click();
    await web.page.getByText('Q1: search. Q2: calendar.').waitFor();
    const list = await box('.mail-view__panes > .message-list');
    const folders = await box('.mail-view__panes > .folder-tree');
    const reading = await box('.mail-view__panes > .reading-pane');
    expect(Math.abs(list.x - folders.x)).toBeLessThan(2);
    expect(folders.y).toBeGreaterThanOrEqual(list.y + list.height - 1);
    expect(reading.y).toBeGreaterThanOrEqual(list.y + list.height - 1);
    expect(reading.x).toBeGreaterThanOrEqual(folders.x + folders.width - 1);
    await screenshot(web.page, 'layout-wide-en');
  });

  it('F8 hides the message pane (in Chinese); Enter then opens the message in its own window; F8 brings the pane back', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await row('Lunch').click();
    await web.page.keyboard.press('F8');
    await expect.poll(() => web.page.getByTestId('mail-panes').getAttribute('data-arrangement')).toBe('listOnly');
    expect(await web.page.locator('.mail-view__panes > .reading-pane').count()).toBe(0);
    await screenshot(web.page, 'layout-no-message-pane-zh');
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), web.page.keyboard.press('Enter')]);
    await popup.getByText('Noodles at one?').waitFor();
    await popup.close();
    await web.page.keyboard.press('F8');
    await web.page.getByText('Noodles at one?').waitFor();
    await web.page.getByTestId('open-settings').click();
    expect(await web.page.getByTestId('settings-message-pane').isChecked()).toBe(true);
    await web.page.getByTestId('settings-layout').selectOption('vertical');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await expect.poll(() => web.page.getByTestId('mail-panes').getAttribute('data-arrangement')).toBe('vertical');
    await web.page.getByTestId('language').selectOption('en');
  });
});
