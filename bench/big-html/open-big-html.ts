// Opens the big newsletter in the real UI (web mode, Chromium) and measures what the user
// waits for: the body's first paint, and how long the window stops answering, before and
// after "Load remote content".
import type { Page } from 'playwright-core';
import { readProbe, startProbe, waitUntilQuiet, type MainThreadFigures } from './main-thread-probe';

export interface OpenFigures extends MainThreadFigures {
  /** From the click on the message row to the body's first article painted in the frame. */
  firstPaintMs: number;
}

export interface RemoteFigures extends MainThreadFigures {
  /** From the click on "Load remote content" to the first remote image in the frame. */
  renderMs: number;
  /** From that click until the main thread stayed free for a second. */
  settleMs: number;
  /** Then: from a click on another message to its subject shown. */
  otherMessageMs: number;
  imageRequests: number;
}

// Runs in the page (the bench type-checks without the DOM library).
declare const requestAnimationFrame: (callback: () => void) => void;

const QUIET_MS = 1000;
const MAX_WAIT_MS = 180_000;

const frame = (page: Page) => page.frameLocator('[data-testid="html-body"]');

export async function openMessage(page: Page, subject: string): Promise<OpenFigures> {
  await startProbe(page);
  const started = Date.now();
  await page.getByTestId('message-row').filter({ hasText: subject }).click();
  await frame(page).locator('h2').first().waitFor({ timeout: MAX_WAIT_MS });
  await afterNextPaint(page);
  const firstPaintMs = Date.now() - started;
  await waitUntilQuiet(page, QUIET_MS, MAX_WAIT_MS);
  return { firstPaintMs, ...(await readProbe(page)) };
}

export async function loadRemoteContent(page: Page, otherSubject: string, imageRequests: () => number): Promise<RemoteFigures> {
  await startProbe(page);
  const started = Date.now();
  await page.getByTestId('load-remote').click();
  await frame(page).locator('img[src^="https:"]').first().waitFor({ timeout: MAX_WAIT_MS });
  await afterNextPaint(page);
  const renderMs = Date.now() - started;
  await waitUntilQuiet(page, QUIET_MS, MAX_WAIT_MS);
  const settleMs = Date.now() - started - QUIET_MS;
  const figures = await readProbe(page);
  const requests = imageRequests();
  const clicked = Date.now();
  await page.getByTestId('message-row').filter({ hasText: otherSubject }).click({ timeout: MAX_WAIT_MS });
  await page.getByTestId('message-subject').filter({ hasText: otherSubject }).waitFor({ timeout: MAX_WAIT_MS });
  return { renderMs, settleMs, otherMessageMs: Date.now() - clicked, imageRequests: requests, ...figures };
}

export interface RestFigures extends MainThreadFigures {
  /** From the click on "Show the rest" to the mail's last row in the frame. */
  completeMs: number;
}

/** "Show the rest" on the open mail, until its last row is in the frame and the UI is quiet again. */
export async function showTheRest(page: Page): Promise<RestFigures> {
  await startProbe(page);
  const started = Date.now();
  await page.getByTestId('show-rest').click();
  await frame(page).locator('[data-last-row]').waitFor({ state: 'attached', timeout: MAX_WAIT_MS });
  await afterNextPaint(page);
  const completeMs = Date.now() - started;
  await waitUntilQuiet(page, QUIET_MS, MAX_WAIT_MS);
  return { completeMs, ...(await readProbe(page)) };
}

function afterNextPaint(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
