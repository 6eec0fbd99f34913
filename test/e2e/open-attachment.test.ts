import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentsMessage, GBK_NOTE } from '../lab/attachments-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Read inside the opened tab (page.evaluate), where the browser's globals are.
declare const window: { opener: unknown };
declare const document: { images: ArrayLike<{ naturalWidth: number }> };

describe('web mode: opening attachments', () => {
  const web = webSession({ page: { locale: 'zh-CN', acceptDownloads: true } });
  const openButton = async (filename: string) => {
    const item = web.page.locator('.attachment-list__item').filter({ hasText: filename });
    return item.locator('[data-testid^="open-attachment-"]');
  };

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [await attachmentsMessage('Files for Friday')]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await web.page.getByTestId('message-row').filter({ hasText: 'Files for Friday' }).click();
    await web.page.getByTestId('attachments').waitFor();
  });

  it('shows a GBK text attachment in a tab of its own, decoded, sandboxed, with nothing of the app reachable', async () => {
    const opened = web.context.waitForEvent('page');
    await (await openButton('纪要.txt')).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toContain('view=1');
    const headers = (await web.page.request.get(tab.url())).headers();
    expect(headers['content-type']).toBe('text/plain; charset=gbk');
    expect(headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''/);
    expect(headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(await tab.locator('body').textContent()).toContain(GBK_NOTE);
    // No handle back on the app's page: the tab was opened with noopener.
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await screenshot(tab, 'open-attachment-gbk-text-tab');
    await tab.close();
  });

  it('shows an image in a tab, under the same sandbox', async () => {
    const opened = web.context.waitForEvent('page');
    await (await openButton('pixel.png')).click();
    const tab = await opened;
    await tab.waitForLoadState();
    await expect.poll(() => tab.evaluate(() => document.images[0]?.naturalWidth ?? 0)).toBe(1);
    await tab.close();
  });

  it('downloads what a browser tab must not show: an HTML page, and a program', async () => {
    for (const filename of ['page.html', 'setup.exe']) {
      const pagesBefore = web.context.pages().length;
      const [download] = await Promise.all([web.page.waitForEvent('download'), (await openButton(filename)).click()]);
      expect(download.suggestedFilename()).toBe(filename);
      expect(readFileSync((await download.path())!).length).toBeGreaterThan(0);
      expect(web.context.pages().length).toBe(pagesBefore);
    }
    await screenshot(web.page, 'open-attachment-list-zh');
  });

  it('Save all downloads every attachment, each under its own name', async () => {
    const names: string[] = [];
    const all = new Promise<void>((resolve) => {
      web.page.on('download', (download) => {
        names.push(download.suggestedFilename());
        if (names.length === 4) resolve();
      });
    });
    await web.page.getByTestId('save-all-attachments').click();
    await all;
    expect(names.sort()).toEqual(['page.html', 'pixel.png', 'setup.exe', '纪要.txt'].sort());
  });
});
