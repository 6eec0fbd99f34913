// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientError } from '../../../src-renderer/client/wren-client';
import { OAuth2SignIn } from '../../../src-renderer/components/AccountForm/oauth2-sign-in';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const START = { flowId: 'f1', authUrl: 'https://id.example.test/authorize?state=s', redirectUri: 'http://127.0.0.1:1/oauth2/callback' };

function signIn(finish: () => Promise<{ flowId: string; expiresAt: number }>) {
  const opened = vi.spyOn(window, 'open').mockReturnValue(null);
  const onSignedIn = vi.fn();
  const client = new FakeClient({
    'accounts.oauthStart': () => START,
    'accounts.oauthFinish': finish,
    'accounts.oauthCancel': () => ({ cancelled: true }),
  });
  renderWithClient(<OAuth2SignIn email="ann@outlook.com" signedIn={false} onSignedIn={onSignedIn} />, client);
  fireEvent.click(screen.getByTestId('oauth2-start'));
  return { client, opened, onSignedIn };
}

describe('OAuth2SignIn', () => {
  it('opens the provider page, waits (with Cancel and the link), then reports the finished flow', async () => {
    let finish!: (value: { flowId: string; expiresAt: number }) => void;
    const { client, opened, onSignedIn } = signIn(() => new Promise((resolve) => (finish = resolve)));
    await screen.findByTestId('oauth2-cancel');
    expect(client.callsOf('accounts.oauthStart')).toEqual([{ email: 'ann@outlook.com', provider: null }]);
    expect(opened).toHaveBeenCalledWith(START.authUrl, '_blank', 'noopener,noreferrer');
    expect(screen.getByText('Open the sign-in page').getAttribute('href')).toBe(START.authUrl);
    finish({ flowId: 'f1', expiresAt: 0 });
    await screen.findByTestId('oauth2-signed-in');
    expect(onSignedIn).toHaveBeenLastCalledWith('f1');
  });

  it('a cancelled sign-in says so in words; Cancel asks the core to end the flow', async () => {
    let fail!: (error: Error) => void;
    const { client, onSignedIn } = signIn(() => new Promise((_resolve, reject) => (fail = reject)));
    fireEvent.click(await screen.findByTestId('oauth2-cancel'));
    await waitFor(() => expect(client.callsOf('accounts.oauthCancel')).toEqual([{ flowId: 'f1' }]));
    fail(new ClientError({ code: 'OAuth2Cancelled', message: 'cancelled' }));
    expect((await screen.findByTestId('oauth2-cancelled')).textContent).toContain('Nothing was saved');
    expect(onSignedIn).not.toHaveBeenCalledWith('f1');
  });

  it('a sign-in the provider denied (access_denied) says the provider refused it, not that it was cancelled', async () => {
    signIn(() => Promise.reject(new ClientError({ code: 'OAuth2Cancelled', message: 'refused in the browser', details: { reason: 'access_denied' } })));
    const refused = await screen.findByTestId('oauth2-refused');
    expect(refused.textContent).toContain('The provider refused the sign-in');
    expect(refused.textContent).toContain('Nothing was saved');
    expect(screen.queryByTestId('oauth2-cancelled')).toBeNull();
    // Signing in again stays one click away.
    expect(screen.getByTestId('oauth2-start').textContent).toBe('Sign in with the browser');
  });

  it('a refused sign-in shows the error in words', async () => {
    signIn(() => Promise.reject(new ClientError({ code: 'OAuth2Failed', message: 'refused' })));
    const failed = await screen.findByTestId('oauth2-failed');
    expect(failed.getAttribute('data-error-code')).toBe('OAuth2Failed');
    expect(failed.textContent).toContain('did not work');
  });
});
