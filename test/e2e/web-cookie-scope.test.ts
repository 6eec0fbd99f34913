import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startWebApp, type WebApp } from './web-app';

/**
 * Cookies ignore ports (RFC 6265 §8.5): a cookie Wren sets on 127.0.0.1 goes to
 * every other server on 127.0.0.1 whose paths it matches, and such a server could
 * replay it to Wren. This runs one such "other server" and proves Chromium never
 * hands it the token, while Wren's own page works under its secret path.
 */
describe('web mode: the token cookie stays with Wren', () => {
  let app: WebApp;
  let browser: Browser;
  let other: Server;
  const seen: { path: string; cookie: string }[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
    other = createServer((request, response) => {
      seen.push({ path: request.url ?? '', cookie: request.headers.cookie ?? '' });
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>another local server</title>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await new Promise((resolve) => other?.close(resolve));
  });

  it('is never sent to another server on 127.0.0.1, whatever path the user opens there', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to Wren' }).waitFor();
    const appPath = new URL(page.url()).pathname;
    expect(appPath).toMatch(/^\/[\w-]{32,}\/$/);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([expect.objectContaining({ name: 'wren_token', path: appPath, httpOnly: true, sameSite: 'Strict' })]);
    expect(await page.evaluate('document.cookie')).toBe('');

    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const paths = ['/', '/index.html', '/api/ws', `/x${appPath}`];
    for (const path of paths) await page.goto(`${otherOrigin}${path}`);
    expect(seen.map((s) => s.path)).toEqual(expect.arrayContaining(paths));
    expect(seen.filter((s) => s.cookie.includes('wren_token'))).toEqual([]);
  });
});
