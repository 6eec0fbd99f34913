// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../src-main/ipc/contract';
import { AccountDialogs } from '../../../src-renderer/components/AccountDialogs';
import { EditAccountDialog } from '../../../src-renderer/components/AccountDialogs/edit-account-dialog';
import { FakeClient, failure, renderWithClient } from './fake-client';
import { ACCOUNT } from './mail-fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const OAUTH2_ACCOUNT: AccountView = { ...ACCOUNT, auth: 'oauth2', lastError: { code: 'OAuth2Rejected', message: 'refused' } };

describe('EditAccountDialog for an account that signs in with the browser', () => {
  it('offers a new browser sign-in instead of a password, and Save hands the core the finished sign-in', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const client = new FakeClient({
      'accounts.oauthStart': () => ({ flowId: 'again', authUrl: 'https://id.example.test/authorize?state=s', redirectUri: 'http://127.0.0.1:1/cb' }),
      'accounts.oauthFinish': () => ({ flowId: 'again', expiresAt: 0 }),
      'accounts.oauthCancel': () => ({ cancelled: true }),
      'accounts.update': () => OAUTH2_ACCOUNT,
    });
    const onClose = vi.fn();
    renderWithClient(<EditAccountDialog account={OAUTH2_ACCOUNT} onClose={onClose} />, client);
    expect(screen.queryByTestId('edit-account-password')).toBeNull();
    fireEvent.click(screen.getByTestId('oauth2-start'));
    await screen.findByTestId('oauth2-signed-in');
    // Named by the account: the core signs in again at the provider the account was set up with.
    expect(client.callsOf('accounts.oauthStart')).toEqual([{ email: ACCOUNT.email, provider: null, accountId: ACCOUNT.id }]);
    fireEvent.click(screen.getByTestId('edit-account-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(client.callsOf('accounts.update')).toEqual([{ accountId: ACCOUNT.id, oauth2FlowId: 'again' }]);
  });

  it('keeps the password field for a password account', () => {
    renderWithClient(<EditAccountDialog account={ACCOUNT} onClose={() => undefined} />, new FakeClient({}));
    expect(screen.getByTestId('edit-account-password')).toBeTruthy();
    expect(screen.queryByTestId('oauth2-start')).toBeNull();
  });

  it('says an account without an outgoing server cannot send (the port and user shown are only what a server typed in would use)', () => {
    renderWithClient(<EditAccountDialog account={ACCOUNT} onClose={() => undefined} />, new FakeClient({}), 'zh');
    expect(screen.getByTestId('edit-account-no-outgoing').textContent).toContain('此账户只能收信，不能发信');
    fireEvent.change(screen.getByTestId('setup-smtp-host'), { target: { value: 'smtp.example.test' } });
    expect(screen.queryByTestId('edit-account-no-outgoing')).toBeNull();
  });
});

describe('EditAccountDialog: an outgoing server with a certificate of its own', () => {
  it('names the SMTP server that showed it, and trusting it saves again with the SMTP fingerprint, not the incoming one', async () => {
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    const smtp = { host: 'smtp.example.test', port: 465, security: 'tls' as const, user: 'alice' };
    const certificate = { fingerprint256: fingerprint, subject: 'CN=smtp.example.test', issuer: 'CN=smtp.example.test', validFrom: '', validTo: '', selfSigned: true };
    const client = new FakeClient({
      'accounts.update': (patch) =>
        patch.smtpTrustedCertSha256 === fingerprint
          ? { ...ACCOUNT, smtp, smtpTrustedCertSha256: fingerprint }
          : failure({ code: 'TlsUntrusted', message: 'self-signed', details: { protocol: 'smtp', host: smtp.host, port: smtp.port, certificate } }),
    });
    const onClose = vi.fn();
    renderWithClient(<EditAccountDialog account={ACCOUNT} onClose={onClose} />, client);
    fireEvent.change(screen.getByLabelText('SMTP server'), { target: { value: smtp.host } });
    fireEvent.change(screen.getByLabelText('SMTP port'), { target: { value: '465' } });
    fireEvent.change(screen.getByLabelText('SMTP security'), { target: { value: 'tls' } });
    fireEvent.click(screen.getByTestId('edit-account-save'));
    expect((await screen.findByTestId('certificate-server')).textContent).toBe('Certificate presented by the SMTP server smtp.example.test:465');
    fireEvent.click(screen.getByTestId('setup-trust-cert'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [, trusted] = client.callsOf('accounts.update') as { smtp: unknown; smtpTrustedCertSha256?: string; trustedCertSha256?: string }[];
    expect(trusted).toMatchObject({ smtp: { host: smtp.host, port: 465, security: 'tls' }, smtpTrustedCertSha256: fingerprint });
    expect(trusted!.trustedCertSha256).toBeUndefined();
  });
});

describe('AccountDialogs: editing an account', () => {
  it('starts from the account as the core has it now, not from the copy the menu was opened with (a save just before)', async () => {
    const saved: AccountView = { ...ACCOUNT, name: 'Renamed a moment ago' };
    const client = new FakeClient({ 'accounts.list': () => [saved] });
    renderWithClient(<AccountDialogs dialog={{ kind: 'edit', account: ACCOUNT }} folders={null} onClose={() => undefined} />, client);
    const name = (await screen.findByTestId('edit-account-name')) as HTMLInputElement;
    expect(name.value).toBe('Renamed a moment ago');
  });

  it('falls back to the menu’s copy when the list cannot be read', async () => {
    const client = new FakeClient({ 'accounts.list': () => failure({ code: 'DatabaseBusy', message: 'busy' }) });
    renderWithClient(<AccountDialogs dialog={{ kind: 'edit', account: ACCOUNT }} folders={null} onClose={() => undefined} />, client);
    const name = (await screen.findByTestId('edit-account-name')) as HTMLInputElement;
    expect(name.value).toBe(ACCOUNT.name);
  });
});
