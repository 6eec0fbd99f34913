import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type LabUser } from '../lab/lab';
import { startOAuth2Provider, type LabOAuth2Provider } from '../lab/oauth2-provider';
import { simpleMessage } from '../lab/simple-message';
import { launchBrowser, screenshot, startWebApp, type WebApp } from './web-app';

// The whole browser sign-in in Chromium: the account form's "own provider" section pointed at the
// lab's OAuth2 provider (not in Wren's bundled list), the sign-in page opening in a tab of its own
// (as the web mode opens it), the provider's redirect back to Wren's loopback listener, then
// Dovecot checking the token at the provider while Wren syncs.
describe('web mode: add an OAuth2 account at a provider of your own', () => {
  let provider: LabOAuth2Provider;
  let lab: Lab;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let alice: LabUser;

  beforeAll(async () => {
    provider = await startOAuth2Provider();
    lab = await startLab({ oauth2: { userinfoUrl: provider.userinfoUrl } });
    alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [simpleMessage(1, { subject: 'Signed in with the browser' })]);
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lab?.stop();
    await provider?.stop();
  });

  /** Clicks "Sign in with the browser" and follows the tab it opens to Wren's landing page; gives its words. */
  async function signInInTab(): Promise<string> {
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('oauth2-start').click()]);
    await tab.waitForURL(/127\.0\.0\.1:\d+\/oauth2\/callback/);
    await tab.waitForLoadState();
    const words = (await tab.locator('body').textContent()) ?? '';
    await tab.close();
    return words;
  }

  it('fills the form with the provider settings; a sign-in the provider denies says so and saves nothing', async () => {
    await page.goto(app.url);
    await page.getByTestId('setup-manual').click();
    await page.getByTestId('setup-email').fill(alice.email);
    await page.getByTestId('setup-imap-host').fill(lab.host);
    await page.getByTestId('setup-imap-port').fill(String(lab.ports.imaps));
    await page.getByTestId('setup-auth').selectOption('oauth2');
    await page.getByTestId('oauth2-own-enabled').check();
    await page.getByTestId('oauth2-own-auth-url').fill(provider.authorizationEndpoint);
    await page.getByTestId('oauth2-own-token-url').fill(provider.tokenEndpoint);
    await page.getByTestId('oauth2-own-client-id').fill(provider.clientId);
    await page.getByTestId('oauth2-own-scope').fill('openid mail');
    await screenshot(page, 'oauth2-own-provider-form');

    provider.denyNextSignIn = true;
    const landing = await signInInTab();
    expect(landing).toContain('did not complete');
    const refused = page.getByTestId('oauth2-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('The provider refused the sign-in');
    expect(await refused.textContent()).toContain('Nothing was saved');
    expect(await page.getByTestId('setup-save').isDisabled()).toBe(true);
    await refused.scrollIntoViewIfNeeded();
    await screenshot(page, 'oauth2-sign-in-denied');
  });

  it('signs in again in the tab, tests the connection with the token, saves, syncs and reads a message', async () => {
    const issuedBefore = provider.issued.length;
    const landing = await signInInTab();
    expect(landing).toContain('Signed in');
    await page.getByTestId('oauth2-signed-in').waitFor();
    expect(provider.issued.length).toBe(issuedBefore + 1);

    await page.getByTestId('setup-test').click();
    await page.getByTestId('setup-trust-cert').click();
    await page.getByTestId('setup-save').and(page.locator(':enabled')).waitFor();
    await page.getByTestId('oauth2-signed-in').scrollIntoViewIfNeeded();
    await screenshot(page, 'oauth2-signed-in-tested');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('mail-view').waitFor();

    const row = page.getByTestId('message-row').filter({ hasText: 'Signed in with the browser' });
    await row.waitFor();
    await row.click();
    await page.getByTestId('message-subject').filter({ hasText: 'Signed in with the browser' }).waitFor();
    // The body came over IMAP on demand, with the same token.
    await page.getByTestId('message-text').filter({ hasText: 'Body 1' }).waitFor();
    // Dovecot asked the provider about the token Wren was issued: the mail came through OAuth2.
    expect(provider.checked).toContain(provider.issued.at(-1)!.token);
    await screenshot(page, 'oauth2-account-reading');
  });
});
