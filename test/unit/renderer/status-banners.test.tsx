// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../src-main/ipc/contract';
import type { ErrorCode } from '../../../src-main/errors/error-codes';
import { StatusBanners } from '../../../src-renderer/components/StatusBanners';
import type { AccountStatus } from '../../../src-renderer/components/MailView/use-account-activity';
import type { AccountDialogState } from '../../../src-renderer/components/AccountDialogs/account-dialog-state';
import { FakeClient, renderWithClient } from './fake-client';
import { ACCOUNT } from './mail-fixtures';

afterEach(cleanup);

const home = { ...ACCOUNT, name: 'Home', protocol: 'pop3' as const };

function renderBanners(status: AccountStatus, language: 'en' | 'zh' = 'en', account: AccountView = home) {
  const client = new FakeClient({ 'sync.start': () => ({ started: [account.id] }), 'accounts.update': () => account });
  const dialogs: AccountDialogState[] = [];
  renderWithClient(<StatusBanners accounts={[account]} statuses={new Map([[account.id, status]])} onAccountDialog={(dialog) => dialogs.push(dialog)} />, client, language);
  return { client, dialogs };
}

const failing = (code: ErrorCode): AccountStatus => ({ accountId: home.id, state: 'error', error: { code, message: 'x' }, retryAt: null });
const buttons = () => within(screen.getByTestId(`account-status-${home.id}`)).getAllByRole('button').map((button) => button.textContent);

describe('status banners: the way to mend the problem, where it is told', () => {
  it('a refused login asks for the password: "Enter password…" opens the edit dialog on the password field', () => {
    const { dialogs } = renderBanners(failing('AuthFailed'));
    expect(buttons()).toEqual(['Enter password…', 'Try again']);
    fireEvent.click(screen.getByRole('button', { name: 'Enter password…' }));
    expect(dialogs).toEqual([{ kind: 'edit', account: home, focus: 'password' }]);
  });

  it('a saved password that cannot be opened asks for it too; an account that signs in with the browser signs in again', () => {
    renderBanners(failing('SecretUnavailable'));
    expect(buttons()).toEqual(['Enter password…', 'Try again']);
    cleanup();
    const { dialogs } = renderBanners(failing('OAuth2Rejected'), 'en', { ...home, auth: 'oauth2' });
    expect(buttons()).toEqual(['Sign in again…', 'Try again']);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again…' }));
    expect(dialogs).toEqual([{ kind: 'edit', account: { ...home, auth: 'oauth2' } }]);
  });

  it('a server that cannot be reached offers its settings and another try now, which syncs the account', async () => {
    const { client, dialogs } = renderBanners({ ...failing('HostNotFound'), state: 'offline', retryAt: Date.now() + 60_000 });
    expect(buttons()).toEqual(['Edit account…', 'Try again']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit account…' }));
    expect(dialogs).toEqual([{ kind: 'edit', account: home }]);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(client.callsOf('sync.start')).toEqual([{ accountId: home.id }]));
  });

  it('a problem no setting mends (the server stalled) offers only another try', () => {
    renderBanners(failing('ServerStalled'));
    expect(buttons()).toEqual(['Try again']);
  });

  it('in Chinese', () => {
    renderBanners(failing('AuthFailed'), 'zh');
    expect(buttons()).toEqual(['输入密码…', '重试']);
    cleanup();
    renderBanners(failing('ConnectionRefused'), 'zh');
    expect(buttons()).toEqual(['编辑账户…', '重试']);
  });
});

const FINGERPRINT = 'B5:25:10:BE:47:21:EE:4D:3C:3A:C0:15:C9:64:C4:44:03:38:B6:39:BA:F0:D0:C2:C0:19:27:98:C4:E2:83:95';
const certificateChanged: AccountStatus = {
  accountId: home.id,
  state: 'error',
  retryAt: null,
  error: {
    code: 'TlsUntrusted',
    message: 'x',
    details: {
      protocol: 'imap', host: '127.0.0.1', port: 45545,
      certificate: { fingerprint256: FINGERPRINT, subject: 'CN=localhost', issuer: 'CN=localhost', validFrom: '2026-12-07T22:57:00Z', validTo: '2027-01-06T22:57:00Z', selfSigned: true },
    },
  },
};

describe('status banners: a changed certificate', () => {
  it('says what happened in a line, with Details, Edit and Try again beside it; the certificate is behind Details', () => {
    renderBanners(certificateChanged);
    const banner = screen.getByTestId(`account-status-${home.id}`);
    expect(buttons()).toEqual(['▸ Certificate details', 'Edit account…', 'Try again']);
    expect(banner.textContent).toContain('The server now shows a certificate you have not trusted');
    // Neither the fingerprint nor the server's address is repeated under the sentence: both are in the details.
    expect(banner.textContent).not.toContain(FINGERPRINT);
    expect(screen.queryByTestId('certificate-details')).toBeNull();
    expect(screen.getByTestId('account-problem-details').getAttribute('aria-expanded')).toBe('false');
  });

  it('Details opens the certificate with its Trust button, which trusts it for the account; pressed again, closes it', async () => {
    const { client } = renderBanners(certificateChanged);
    fireEvent.click(screen.getByTestId('account-problem-details'));
    expect(screen.getByTestId('account-problem-details').getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByTestId('certificate-details');
    expect(details.textContent).toContain(FINGERPRINT);
    expect(details.textContent).toContain('CN=localhost');
    fireEvent.click(within(details).getByTestId('setup-trust-cert'));
    await waitFor(() => expect(client.callsOf('accounts.update')).toEqual([{ accountId: home.id, trustedCertSha256: FINGERPRINT }]));
    fireEvent.click(screen.getByTestId('account-problem-details'));
    expect(screen.queryByTestId('certificate-details')).toBeNull();
  });

  it('in Chinese', () => {
    renderBanners(certificateChanged, 'zh');
    expect(buttons()).toEqual(['▸ 证书详情', '编辑账户…', '重试']);
    fireEvent.click(screen.getByTestId('account-problem-details'));
    expect(screen.getByTestId('certificate-details').textContent).toContain(FINGERPRINT);
  });
});

describe('status banners: warnings of a sync that went well', () => {
  it('a POP3 server that changed its UIDLs: a banner in words, in English and Chinese', () => {
    renderBanners({ accountId: home.id, state: 'idle', error: null, retryAt: null, warnings: ['wren:Pop3UidlsChanged', 'wren:Pop3UidlsDuplicated'] });
    const banner = screen.getByTestId(`account-warnings-${home.id}`);
    expect(banner.textContent).toContain('Home');
    expect(banner.textContent).toContain('changed the IDs (UIDLs) of messages already downloaded');
    expect(banner.textContent).toContain('gives the same ID (UIDL) to more than one message');
    cleanup();
    renderBanners({ accountId: home.id, state: 'idle', error: null, retryAt: null, warnings: ['wren:Pop3UidlsChanged'] }, 'zh');
    expect(screen.getByTestId(`account-warnings-${home.id}`).textContent).toContain('更改了已下载邮件的标识');
  });

  it('no warnings: no banner', () => {
    renderBanners({ accountId: home.id, state: 'idle', error: null, retryAt: null });
    expect(screen.queryByTestId(`account-warnings-${home.id}`)).toBeNull();
  });
});

describe('status banners: working offline', () => {
  it('no banner of its own for an account offline by the user\'s choice: one banner says it for all (WorkOfflineBanner)', () => {
    renderBanners({ accountId: home.id, state: 'offline', error: { code: 'WorkingOffline', message: 'x' }, retryAt: null });
    expect(screen.queryByTestId(`account-status-${home.id}`)).toBeNull();
    expect(screen.queryByTestId(`account-warnings-${home.id}`)).toBeNull();
  });
});
