import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackRedirect } from '../../../../src-main/accounts/oauth2/loopback-redirect';
import { WrenError } from '../../../../src-main/errors/wren-error';

let redirect: LoopbackRedirect | undefined;
afterEach(() => redirect?.close());

describe('the loopback redirect (RFC 8252)', () => {
  it('listens on 127.0.0.1 on a port of its own and hands over the code of the matching state', async () => {
    redirect = await LoopbackRedirect.listen('good-state');
    expect(redirect.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback$/);
    expect((await fetch(redirect.redirectUri.replace('/oauth2/callback', '/elsewhere'))).status).toBe(404);
    const landing = await fetch(`${redirect.redirectUri}?code=the-code&state=good-state`);
    expect(landing.status).toBe(200);
    expect(await redirect.wait()).toEqual({ code: 'the-code' });
  });

  it('refuses a redirect with another state and ends the flow with OAuth2Failed (stateMismatch), its code unused', async () => {
    redirect = await LoopbackRedirect.listen('good-state');
    const landing = await fetch(`${redirect.redirectUri}?code=stolen&state=forged`);
    expect(landing.status).toBe(400);
    const error = await redirect.wait().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WrenError);
    expect((error as WrenError).code).toBe('OAuth2Failed');
    expect((error as WrenError).details).toEqual({ reason: 'stateMismatch' });
  });

  it("passes the provider's refusal on (the user said no)", async () => {
    redirect = await LoopbackRedirect.listen('s');
    await fetch(`${redirect.redirectUri}?error=access_denied&error_description=User+declined&state=s`);
    expect(await redirect.wait()).toEqual({ error: 'access_denied', description: 'User declined' });
  });
});
