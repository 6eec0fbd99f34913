import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { startOAuth2Provider, type LabOAuth2Provider } from '../lab/oauth2-provider';
import { simpleMessage } from '../lab/simple-message';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// The whole browser sign-in in Chromium: the account form's "own provider" section pointed at the
// lab's OAuth2 provider (not in Wren's bundled list), the sign-in page opening in a tab of its own
// (as the web mode opens it), the provider's redirect back to Wren's loopback listener, then
// Dovecot checking the token at the provider while Wren syncs.
describe('web mode: add an OAuth2 account at a provider of your own', () => {
  let provider: LabOAuth2Provider;
  let alice: LabUser;

  beforeAll(async () => {
    provider = await startOAuth2Provider();
  });
  afterAll(() => provider?.stop());
  const web = webSession(() => ({ lab: { oauth2: { userinfoUrl: provider.userinfoUrl } }, page: { viewport: { width: 1400, height: 1000 } } }));
  beforeAll(async () => {
    alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [simpleMessage(1, { subject: 'Signed in with the browser' })]);
  });

  /** Clicks "Sign in with the browser" and follows the tab it opens to Wren's landing page; gives its words. */
  async function signInInTab(): Promise<string> {
    const [tab] = await Promise.all([web.page.context().waitForEvent('page'), web.page.getByTestId('oauth2-start').click()]);
    await tab.waitForURL(/127\.0\.0\.1:\d+\/oauth2\/callback/);
    await tab.waitForLoadState();
    const words = (await tab.locator('body').textContent()) ?? '';
    await tab.close();
    return words;
  }

  it('fills the form with the provider settings; a sign-in the provider denies says so and saves nothing', async () => {
    await web.page.goto(web.app.url);
    await web.page.getByTestId('setup-manual').click();
    await web.page.getByTestId('setup-email').fill(alice.email);
    await web.page.getByTestId('setup-imap-host').fill(web.lab.host);
    await web.page.getByTestId('setup-imap-port').fill(String(web.lab.ports.imaps));
    await web.page.getByTestId('setup-auth').selectOption('oauth2');
    await web.page.getByTestId('oauth2-own-enabled').check();
    await web.page.getByTestId('oauth2-own-auth-url').fill(provider.authorizationEndpoint);
    await web.page.getByTestId('oauth2-own-token-url').fill(provider.tokenEndpoint);
    await web.page.getByTestId('oauth2-own-client-id').fill(provider.clientId);
    await web.page.getByTestId('oauth2-own-scope').fill('openid mail');
    await screenshot(web.page, 'oauth2-own-provider-form');

    provider.denyNextSignIn = true;
    const landing = await signInInTab();
    expect(landing).toContain('did not complete');
    const refused = web.page.getByTestId('oauth2-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('The provider refused the sign-in');
    expect(await refused.textContent()).toContain('Nothing was saved');
    expect(await web.page.getByTestId('setup-save').isDisabled()).toBe(true);
    await refused.scrollIntoViewIfNeeded();
    await screenshot(web.page, 'oauth2-sign-in-denied');
  });

  it('signs in again in the tab, tests the connection with the token, saves, syncs and reads a message', async () => {
    const issuedBefore = provider.issued.length;
    const landing = await signInInTab();
    expect(landing).toContain('Signed in');
    await web.page.getByTestId('oauth2-signed-in').waitFor();
    expect(provider.issued.length).toBe(issuedBefore + 1);

    await web.page.getByTestId('setup-test').click();
    await web.page.getByTestId('setup-trust-cert').click();
    await web.page.getByTestId('setup-save').and(web.page.locator(':enabled')).waitFor();
    await web.page.getByTestId('oauth2-signed-in').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'oauth2-signed-in-tested');
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('mail-view').waitFor();

    const row = web.page.getByTestId('message-row').filter({ hasText: 'Signed in with the browser' });
    await row.waitFor();
    await row.click();
    await web.page.getByTestId('message-subject').filter({ hasText: 'Signed in with the browser' }).waitFor();
    // The body came over IMAP on demand, with the same token.
    await web.page.getByTestId('message-text').filter({ hasText: 'Body 1' }).waitFor();
    // Dovecot asked the provider about the token Wren was issued: the mail came through OAuth2.
    expect(provider.checked).toContain(provider.issued.at(-1)!.token);
    await screenshot(web.page, 'oauth2-account-reading');
  });
});
