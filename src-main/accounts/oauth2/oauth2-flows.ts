import { randomUUID } from 'node:crypto';
import { WrenError } from '../../errors/wren-error';
import type { OAuth2Finished, OAuth2Provider, OAuth2Start } from '../../ipc/account-shapes';
import { authorizationUrl } from './authorization-url';
import { bundledOAuth2Provider } from './bundled-oauth2-providers';
import { LoopbackRedirect, type RedirectOutcome } from './loopback-redirect';
import { createPkce, createState } from './pkce';
import { exchangeCode } from './token-endpoint';
import type { TokenSet } from './token-set';

/** How long the browser may take (the user reads, types a password, a second factor). */
const FLOW_TIMEOUT_MS = 10 * 60_000;

interface Flow {
  email: string;
  provider: OAuth2Provider;
  redirect: LoopbackRedirect;
  tokens: Promise<TokenSet>;
  timer: NodeJS.Timeout;
}

/** What a finished sign-in hands to the account it sets up. */
export interface SignedIn {
  email: string;
  provider: OAuth2Provider;
  tokens: TokenSet;
}

/**
 * Browser sign-ins in progress (authorization code with PKCE, loopback
 * redirect). `start` gives the URL to open; the flow then waits for the
 * browser by itself, so `finish` may be asked at any time after. Tokens of a
 * finished flow stay here (in memory only) until the account is added.
 */
export class OAuth2Flows {
  private readonly flows = new Map<string, Flow>();

  async start(email: string, custom: OAuth2Provider | null): Promise<OAuth2Start> {
    const provider = custom ?? providerFor(email);
    const state = createState();
    const pkce = createPkce();
    const redirect = await LoopbackRedirect.listen(state);
    const flowId = randomUUID();
    const tokens = redirect.wait().then((outcome) => this.tokensFrom(provider, outcome, pkce.verifier, redirect.redirectUri));
    tokens.catch(() => undefined);
    const timer = setTimeout(() => this.abort(flowId, new WrenError('OAuth2Cancelled', 'The browser sign-in was not finished within 10 minutes.', { reason: 'timeout' })), FLOW_TIMEOUT_MS);
    timer.unref();
    this.flows.set(flowId, { email, provider, redirect, tokens, timer });
    const authUrl = authorizationUrl(provider, { redirectUri: redirect.redirectUri, state, pkce, loginHint: email });
    return { flowId, authUrl, redirectUri: redirect.redirectUri };
  }

  /** Waits until the browser came back and the code is exchanged. */
  async finish(flowId: string): Promise<OAuth2Finished> {
    const tokens = await this.require(flowId).tokens.catch((error: unknown) => {
      this.forget(flowId);
      throw error;
    });
    return { flowId, expiresAt: tokens.expiresAt };
  }

  /** The user gave up in Wren (closed the form, pressed Cancel). */
  cancel(flowId: string): void {
    this.abort(flowId, new WrenError('OAuth2Cancelled', 'The browser sign-in was cancelled.', { reason: 'cancelled' }));
  }

  /** A finished sign-in's tokens, for testing the login. */
  async signedIn(flowId: string): Promise<SignedIn> {
    const flow = this.require(flowId);
    return { email: flow.email, provider: flow.provider, tokens: await flow.tokens };
  }

  /** Ends the flow once its tokens are kept by an account. */
  forget(flowId: string): void {
    const flow = this.flows.get(flowId);
    if (!flow) return;
    clearTimeout(flow.timer);
    flow.redirect.close();
    this.flows.delete(flowId);
  }

  closeAll(): void {
    for (const flowId of [...this.flows.keys()]) this.cancel(flowId);
  }

  private abort(flowId: string, error: WrenError): void {
    const flow = this.flows.get(flowId);
    if (!flow) return;
    flow.redirect.abort(error);
    // The rejection reaches `finish` through `tokens`; the flow itself is forgotten there or now.
    setTimeout(() => this.forget(flowId), 0).unref();
  }

  private require(flowId: string): Flow {
    const flow = this.flows.get(flowId);
    if (!flow) throw new WrenError('NotFound', 'That browser sign-in is over (finished, cancelled or timed out). Start it again.', { flowId });
    return flow;
  }

  private async tokensFrom(provider: OAuth2Provider, outcome: RedirectOutcome, verifier: string, redirectUri: string): Promise<TokenSet> {
    if ('error' in outcome) {
      const details = { reason: outcome.error, description: outcome.description };
      if (outcome.error === 'access_denied') throw new WrenError('OAuth2Cancelled', 'The sign-in was cancelled or refused in the browser.', details);
      throw new WrenError('OAuth2Failed', `The sign-in server refused the sign-in: ${outcome.error}${outcome.description ? ` (${outcome.description})` : ''}.`, details);
    }
    return exchangeCode(provider, { code: outcome.code, verifier, redirectUri });
  }
}

function providerFor(email: string): OAuth2Provider {
  const lookup = bundledOAuth2Provider(email);
  if (!lookup.found) {
    throw new WrenError('OAuth2Failed', `Wren does not know how to sign in to ${email} with the browser; use a password (or an app password).`, { reason: 'unknownProvider' });
  }
  if (!lookup.provider) {
    throw new WrenError('OAuth2Failed', `This build of Wren has no client id registered for this provider; set ${lookup.name}_CLIENT_ID.`, { reason: 'noClientId', variable: `${lookup.name}_CLIENT_ID` });
  }
  return lookup.provider;
}
