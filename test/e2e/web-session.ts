import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLab, type Lab, type LabOptions } from '../lab/lab';
import { launchBrowser, startWebApp, type WebApp } from './web-app';

/** What an e2e file against the lab drives: the lab, the web mode with no account yet, and one Chromium page. */
export interface WebSession {
  readonly lab: Lab;
  readonly app: WebApp;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

export interface WebSessionOptions {
  lab?: LabOptions;
  /** The web mode's environment (test hooks such as WREN_TEST_DNS). */
  env?: Record<string, string>;
  /** The page's context: viewport, colour scheme…; the locale is en-US unless given. */
  page?: BrowserContextOptions;
  /** Runs in the page before its own scripts. */
  initScript?: string;
}

/**
 * Starts the session before the calling describe's tests and stops it after them (call it in the
 * describe, before any beforeAll that uses it). Options may be a function, read when the session
 * starts, where they name servers an earlier beforeAll started.
 */
export function webSession(options: WebSessionOptions | (() => WebSessionOptions) = {}): WebSession {
  const parts: { -readonly [K in keyof WebSession]?: WebSession[K] } = {};
  beforeAll(async () => {
    const { lab, env, page, initScript } = typeof options === 'function' ? options() : options;
    parts.lab = await startLab(lab);
    parts.app = await startWebApp({ env });
    parts.browser = await launchBrowser();
    parts.context = await parts.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 800 }, ...page });
    if (initScript) await parts.context.addInitScript(initScript);
    parts.page = await parts.context.newPage();
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.app?.stop();
    await parts.lab?.stop();
  });
  // Read only by the tests and hooks, which run after the beforeAll above filled it in.
  return parts as WebSession;
}
