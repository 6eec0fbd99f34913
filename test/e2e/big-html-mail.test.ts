import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { bigHtmlMessage } from './big-html-message';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

const BIG = 'Big newsletter';
const SMALL = 'Small note';

/** The window must keep answering while a 5 MB HTML mail is open (timings live in the bench: --big-html). */
describe('web mode: a 5 MB HTML mail', () => {
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  const mailFrame = () => page.frameLocator('[data-testid="html-body"]');
  const open = async (subject: string) => {
    await page.getByTestId('message-row').filter({ hasText: subject }).click();
    await page.getByTestId('message-subject').filter({ hasText: subject }).waitFor();
  };

  beforeAll(async () => {
    lab = await startLab();
    const bob = lab.users[1]!;
    await lab.seed(bob.email, 'INBOX', [simpleMessage(1, { subject: SMALL }), bigHtmlMessage({ bytes: 5 * 1024 * 1024, subject: BIG, imageHost: 'img.example.com' })]);
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await addLabAccount(page, app.url, lab, bob);
    await page.getByTestId('message-row').nth(1).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
  });

  it('shows the first part of the body at once, with a control for the rest', async () => {
    await open(BIG);
    await mailFrame().locator('h2').first().waitFor();
    expect(await mailFrame().locator('h2').first().textContent()).toContain('Article 1:');
    expect(await mailFrame().locator('[data-last-row]').count()).toBe(0);
    expect(await page.getByTestId('html-partial').textContent()).toMatch(/showing its first 256 KB of 5\.\d MB/);
    await page.getByTestId('show-rest').waitFor();
    await screenshot(page, 'big-html-first-slice');
  });

  it('still handles a click on another message', async () => {
    await open(SMALL);
    expect(await page.getByTestId('message-text').textContent()).toContain('Body 1');
    await open(BIG);
    await page.getByTestId('show-rest').waitFor();
  });

  it('loads remote content for the shown part, and still handles a click on another message', async () => {
    await page.getByTestId('load-remote').click();
    await mailFrame().locator('img[src^="https://img.example.com/"]').first().waitFor({ state: 'attached' });
    await screenshot(page, 'big-html-remote-allowed');
    await open(SMALL);
    await open(BIG);
    // The headers show from the list at once; the body (and its remote-content bar) follows.
    await page.getByTestId('remote-blocked').waitFor();
    expect(await page.getByTestId('remote-blocked').count()).toBe(1);
  });

  it('answers a click on another message while preparing the rest', async () => {
    await page.getByTestId('show-rest').click();
    await open(SMALL);
    expect(await page.getByTestId('message-text').textContent()).toContain('Body 1');
    await open(BIG);
  });

  it('shows the rest when asked, prepared slice by slice, to the last row', async () => {
    await page.getByTestId('show-rest').click();
    await mailFrame().locator('[data-last-row]').waitFor({ state: 'attached', timeout: 110_000 });
    expect(await page.getByTestId('html-partial').count()).toBe(0);
    expect(await mailFrame().locator('h2').count()).toBeGreaterThan(5000);
    await mailFrame().locator('[data-last-row]').scrollIntoViewIfNeeded();
    await screenshot(page, 'big-html-rest-shown');
    await open(SMALL);
  });
});
