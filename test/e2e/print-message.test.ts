import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Read in the page (page.evaluate), where the browser's globals are.
declare const window: { printCalls: { frameHeight: number; contentHeight: number }[] };
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };
declare function getComputedStyle(element: unknown): { backgroundColor: string; color: string };

/** A long HTML newsletter: far taller than the reading pane. */
function longHtmlMessage(): string {
  const paragraphs = Array.from({ length: 150 }, (_, n) => `<p>第 ${n + 1} 段：本周新闻与活动安排。</p>`).join('\r\n');
  return ['From: News <news@example.test>', 'To: bob@example.test', 'Subject: Weekly news', 'Date: Tue, 01 Dec 2026 08:00:00 +0000',
    'Message-ID: <weekly-news@example.test>', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '',
    `<html><body><h1>Weekly news</h1>${paragraphs}<p>THE END</p></body></html>`, ''].join('\r\n');
}

describe('web mode: printing the open message', () => {
  // window.print opens a dialog a test cannot close: record what the page looks like when it is asked instead.
  const web = webSession({
    initScript: `window.printCalls = []; window.print = () => { const frame = document.querySelector('.html-body__frame');
      window.printCalls.push({ frameHeight: frame ? frame.getBoundingClientRect().height : 0, contentHeight: frame ? frame.contentDocument.documentElement.scrollHeight : 0 }); };`,
  });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [longHtmlMessage()]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await web.page.getByTestId('message-row').filter({ hasText: 'Weekly news' }).click();
    await web.page.frameLocator('[data-testid="html-body"]').getByText('THE END').waitFor({ state: 'attached' });
  });

  it('Ctrl+P prints the open message with its HTML frame as tall as the mail, so no part of it is cut', async () => {
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('Control+P');
    const calls = await web.page.evaluate(() => window.printCalls);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.contentHeight).toBeGreaterThan(2000);
    expect(calls[0]!.frameHeight).toBeGreaterThanOrEqual(calls[0]!.contentHeight);
  });

  it('prints the message alone, over as many pages as it needs', async () => {
    await web.page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['folder-tree', 'message-list', 'message-toolbar', 'text-encoding']) expect(await web.page.getByTestId(hidden).isVisible(), hidden).toBe(false);
      expect(await web.page.getByTestId('message-subject').isVisible()).toBe(true);
      // The dark theme stays on screen: paper is printed dark on light.
      const printed = await web.page.evaluate(() => {
        document.documentElement.dataset.theme = 'dark';
        const { backgroundColor, color } = getComputedStyle(document.documentElement);
        delete document.documentElement.dataset.theme;
        return { backgroundColor, color };
      });
      expect(printed).toEqual({ backgroundColor: 'rgb(255, 255, 255)', color: 'rgb(29, 29, 31)' });
      await screenshot(web.page, 'print-preview');
      const pdf = (await web.page.pdf({ format: 'A4' })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(3);
    } finally {
      await web.page.emulateMedia({ media: 'screen' });
    }
  });

  it('offers Print in the toolbar’s More menu too (a 1400 px window shows it there)', async () => {
    await web.page.evaluate(() => (window.printCalls = []));
    await web.page.getByTestId('action-more').click();
    await web.page.getByTestId('more-print').click();
    await expect.poll(() => web.page.evaluate(() => window.printCalls.length)).toBe(1);
  });
});
