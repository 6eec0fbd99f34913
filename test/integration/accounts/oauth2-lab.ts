import type { AccountDraftInput, OAuth2Provider } from '../../../src-main/ipc/contract';
import type { Lab, LabUser } from '../../lab/lab';
import type { LabOAuth2Provider } from '../../lab/oauth2-provider';
import type { TestCore } from '../imap/lab-core';

/** The lab provider as Wren is told about it (a provider outside the bundled list). */
export function providerSettings(provider: LabOAuth2Provider): OAuth2Provider {
  return { authorizationEndpoint: provider.authorizationEndpoint, tokenEndpoint: provider.tokenEndpoint, clientId: provider.clientId, clientSecret: null, scopes: ['mail'] };
}

/**
 * What the system browser does with the URL Wren opens: ask the provider's
 * authorization page (the user signs in; the lab provider lets the address in
 * login_hint in), then follow its redirect to Wren's loopback listener.
 */
export async function actAsBrowser(authUrl: string): Promise<{ redirectedTo: string; status: number }> {
  const authorize = await fetch(authUrl, { redirect: 'manual' });
  const redirectedTo = authorize.headers.get('location');
  if (authorize.status !== 302 || !redirectedTo) throw new Error(`the authorization page answered ${authorize.status}: ${await authorize.text()}`);
  const landing = await fetch(redirectedTo);
  await landing.text();
  return { redirectedTo, status: landing.status };
}

/** The whole browser sign-in through the contract, as the account form does it; gives the finished flow's id. */
export async function signIn(wren: TestCore, provider: LabOAuth2Provider, email: string): Promise<string> {
  const start = await wren.call('accounts.oauthStart', { email, provider: providerSettings(provider) });
  const finishing = wren.call('accounts.oauthFinish', { flowId: start.flowId });
  await actAsBrowser(start.authUrl);
  await finishing;
  return start.flowId;
}

/**
 * Signing an existing account in again, as its edit dialog does: only the account is named, and Wren
 * goes to the provider the account was set up with (here one outside the bundled list).
 */
export async function signInAgain(wren: TestCore, accountId: number, email: string): Promise<string> {
  const start = await wren.call('accounts.oauthStart', { email, provider: null, accountId });
  const finishing = wren.call('accounts.oauthFinish', { flowId: start.flowId });
  await actAsBrowser(start.authUrl);
  await finishing;
  return start.flowId;
}

/** An OAuth2 account draft for a lab user (no password) over IMAPS, POP3S or with SMTP, trusting the lab's certificate. */
export function oauth2Draft(lab: Lab, user: LabUser, flowId: string, overrides: Partial<AccountDraftInput> = {}): AccountDraftInput {
  return {
    name: user.email,
    email: user.email,
    incoming: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: user.email },
    smtp: null,
    auth: 'oauth2',
    oauth2FlowId: flowId,
    trustedCertSha256: lab.certFingerprint256,
    ...overrides,
  };
}
