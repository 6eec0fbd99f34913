import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type LabUser } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { serverEventually, serverSubjects } from './server-subjects';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

describe('web mode: Local Folders in the sidebar, a message moved in from IMAP and read there', () => {
  let lab: Lab;
  let user: LabUser;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  const row = (subject: string) => page.getByTestId('message-row').filter({ hasText: subject });
  const local = () => page.getByTestId('local-folders');

  beforeAll(async () => {
    lab = await startLab();
    user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Keep', to: user.email })));
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 800 } });
    await addLabAccount(page, app.url, lab, user);
    await row('Keep 3').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('creates a local folder, moves a message into it through the picker and by drag and drop, and reads it', async () => {
    await local().getByRole('heading', { name: 'Local Folders' }).click({ button: 'right' });
    await page.getByTestId('folder-menu-new').click();
    await page.getByTestId('name-input').fill('Saved');
    await page.getByTestId('name-submit').click();
    await local().getByTestId('folder-Saved').waitFor();

    await row('Keep 3').click();
    await page.getByTestId('action-move').click();
    await page.getByTestId('folder-picker').getByText('Local Folders').waitFor();
    await screenshot(page, 'local-move-picker');
    await page.getByTestId('pick-Saved').click();
    await row('Keep 3').waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: 'Message moved to Saved.' }).waitFor();
    await row('Keep 2').click();
    await page.getByTestId('reading-pane').getByText('Body 2').waitFor();
    await row('Keep 2').dragTo(local().getByTestId('folder-Saved').getByRole('button'));
    await row('Keep 2').waitFor({ state: 'detached' });

    await local().getByTestId('folder-Saved').getByRole('button').click();
    await row('Keep 3').click();
    await page.getByTestId('reading-pane').getByText('Body 3').waitFor();
    await screenshot(page, 'local-folder-reading');
    await serverEventually(() => serverSubjects(lab, user, 'INBOX'), ['Keep 1']);
  });

  it('exports the local folder from its menu as an mbox download', async () => {
    await local().getByTestId('folder-Saved').click({ button: 'right' });
    await screenshot(page, 'local-folder-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('folder-menu-export').click()]);
    expect(download.suggestedFilename()).toBe('Saved.mbox');
    const file = join(mkdtempSync(join(tmpdir(), 'wren-e2e-export-')), 'Saved.mbox');
    await download.saveAs(file);
    const mbox = readFileSync(file, 'latin1');
    expect(mbox.match(/^From /gm)).toHaveLength(2);
    expect(mbox).toContain('Subject: Keep 3');
  });
});
