// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView, CertificateInfo } from '../../../src-main/ipc/contract';
import { AccountForm } from '../../../src-renderer/components/AccountForm';
import { CertificateDetails } from '../../../src-renderer/components/CertificateDetails';
import { FakeClient, failure, renderWithClient, type Handlers } from './fake-client';

afterEach(cleanup);

const FINGERPRINT = Array.from({ length: 32 }, (_, index) => index.toString(16).padStart(2, '0').toUpperCase()).join(':');
const CERTIFICATE: CertificateInfo = {
  fingerprint256: FINGERPRINT,
  subject: 'CN=mail.example.test',
  issuer: 'CN=mail.example.test',
  validFrom: '2026-01-01',
  validTo: '2027-01-01',
  selfSigned: true,
};
const OK = { ok: true as const, capabilities: ['IMAP4rev1'], certificate: null };

function setup(handlers: Handlers, language: 'en' | 'zh' = 'en') {
  const client = new FakeClient(handlers);
  const onSaved = vi.fn<(account: AccountView) => void>();
  renderWithClient(<AccountForm onSaved={onSaved} />, client, language);
  return { client, onSaved };
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillBasics() {
  type('Email address', 'alice@example.test');
  type('IMAP server', 'mail.example.test');
  type('Password', 'secret');
}

const testButton = () => screen.getByTestId('setup-test');
const saveButton = () => screen.getByTestId('setup-save') as HTMLButtonElement;

describe('AccountForm', () => {
  it('tests the connection with the draft built from the fields and their defaults', async () => {
    const { client } = setup({ 'accounts.testConnection': () => OK });
    fillBasics();
    expect((screen.getByLabelText('User name') as HTMLInputElement).value).toBe('alice@example.test');
    expect((screen.getByLabelText('Account name') as HTMLInputElement).value).toBe('alice@example.test');
    fireEvent.click(testButton());
    await screen.findByText(/The connection works/);
    expect(client.callsOf('accounts.testConnection')).toEqual([
      {
        name: 'alice@example.test',
        email: 'alice@example.test',
        displayName: '',
        protocol: 'imap',
        incoming: { host: 'mail.example.test', port: 993, security: 'tls', user: 'alice@example.test' },
        smtp: null,
        password: 'secret',
        auth: 'password',
        oauth2FlowId: null,
        allowPlaintext: false,
        trustedCertSha256: null,
        smtpTrustedCertSha256: null,
      },
    ]);
  });

  it('shows "Testing…" while the test runs', async () => {
    let answer: (value: typeof OK) => void = () => {};
    setup({ 'accounts.testConnection': () => new Promise((resolve) => (answer = resolve)) });
    fillBasics();
    fireEvent.click(testButton());
    expect(screen.getByTestId('setup-status').textContent).toContain('Testing…');
    expect((testButton() as HTMLButtonElement).disabled).toBe(true);
    answer(OK);
    await screen.findByText(/The connection works/);
  });

  it('enables Save only after a successful test of the current settings', async () => {
    const account = { id: 7 } as AccountView;
    const { client, onSaved } = setup({ 'accounts.testConnection': () => OK, 'accounts.add': () => account });
    fillBasics();
    expect(saveButton().disabled).toBe(true);
    fireEvent.click(testButton());
    await waitFor(() => expect(saveButton().disabled).toBe(false));

    type('Password', 'changed');
    expect(saveButton().disabled).toBe(true);
    fireEvent.click(testButton());
    await waitFor(() => expect(saveButton().disabled).toBe(false));

    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(account));
    expect(client.callsOf('accounts.add')).toEqual([expect.objectContaining({ password: 'changed' })]);
  });

  it('keeps Save disabled after a failed test and shows the error in words', async () => {
    setup({ 'accounts.testConnection': () => failure({ code: 'AuthFailed', message: 'NO LOGIN failed' }) });
    fillBasics();
    fireEvent.click(testButton());
    await screen.findByText('The server rejected the user name or password.');
    expect(saveButton().disabled).toBe(true);
  });

  it('shows an untrusted certificate and retests trusting exactly its fingerprint', async () => {
    const { client } = setup({
      'accounts.testConnection': (draft) =>
        draft.trustedCertSha256 === FINGERPRINT ? OK : failure({ code: 'TlsUntrusted', message: 'self-signed', details: { certificate: CERTIFICATE } }),
    });
    fillBasics();
    fireEvent.click(testButton());
    await screen.findByText('The server’s certificate is not trusted.');
    expect(screen.getByTestId('certificate-details').textContent).toContain(FINGERPRINT);
    expect(screen.getByTestId('certificate-details').textContent).toContain('CN=mail.example.test');
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(screen.getByTestId('setup-trust-cert'));
    await screen.findByText(/The connection works/);
    const retest = client.callsOf('accounts.testConnection')[1] as { trustedCertSha256: string };
    expect(retest.trustedCertSha256).toBe(FINGERPRINT);
    expect(saveButton().disabled).toBe(false);
  });

  it('an outgoing server with a certificate of its own: names it, and trusts it for SMTP alone, keeping the incoming pin', async () => {
    const SMTP_FINGERPRINT = FINGERPRINT.replace(/^00/, 'FF');
    const smtpCertificate = { ...CERTIFICATE, fingerprint256: SMTP_FINGERPRINT, subject: 'CN=smtp.example.test' };
    const { client } = setup({
      'accounts.testConnection': (draft) =>
        draft.smtpTrustedCertSha256 === SMTP_FINGERPRINT
          ? { ...OK, smtpChecked: true }
          : failure({ code: 'TlsUntrusted', message: 'self-signed', details: { protocol: 'smtp', host: 'smtp.example.test', port: 587, certificate: smtpCertificate } }),
    });
    fillBasics();
    type('SMTP server', 'smtp.example.test');
    fireEvent.click(testButton());
    await screen.findByText('The server’s certificate is not trusted.');
    expect(screen.getByTestId('certificate-server').textContent).toBe('Certificate presented by the SMTP server smtp.example.test:587');
    expect(screen.getByTestId('certificate-details').textContent).toContain(SMTP_FINGERPRINT);
    expect(screen.getByTestId('setup-trust-cert').textContent).toBe('Trust this certificate for this account’s outgoing (SMTP) server');

    fireEvent.click(screen.getByTestId('setup-trust-cert'));
    await screen.findByText(/The connection works/);
    const retest = client.callsOf('accounts.testConnection')[1] as { trustedCertSha256: string | null; smtpTrustedCertSha256: string };
    expect(retest).toMatchObject({ trustedCertSha256: null, smtpTrustedCertSha256: SMTP_FINGERPRINT });
    expect(screen.getByTestId('setup-smtp-trusted').textContent).toContain(SMTP_FINGERPRINT);
    expect(saveButton().disabled).toBe(false);
  });

  it('gives the focus back after a test (the disabled fields had dropped it): to Save when it passed, else to Test connection', async () => {
    let passes = false;
    setup({ 'accounts.testConnection': () => (passes ? OK : failure({ code: 'AuthFailed', message: 'no' })) });
    fillBasics();
    testButton().focus();
    fireEvent.click(testButton());
    await screen.findByText(/rejected/);
    await waitFor(() => expect(document.activeElement).toBe(testButton()));
    passes = true;
    fireEvent.click(testButton());
    await screen.findByText(/The connection works/);
    await waitFor(() => expect(document.activeElement).toBe(saveButton()));
  });

  it('says a certificate’s validity dates (OpenSSL’s words from the core) in the user’s language', () => {
    const openssl = { ...CERTIFICATE, validFrom: 'Dec  3 10:08:31 2026 GMT', validTo: 'Jan  2 10:08:31 2027 GMT' };
    renderWithClient(<CertificateDetails certificate={openssl} onTrust={() => undefined} />, new FakeClient({}), 'zh');
    const details = screen.getByTestId('certificate-details').textContent!;
    expect(details).toContain('2026年12月3日');
    expect(details).toContain('2027年1月2日');
    expect(details).not.toContain('GMT');
  });

  it('moves the port with the security unless the user chose a port', () => {
    setup({});
    const port = () => (screen.getByLabelText('IMAP port') as HTMLInputElement).value;
    expect(port()).toBe('993');
    fireEvent.change(screen.getByLabelText('IMAP security'), { target: { value: 'starttls' } });
    expect(port()).toBe('143');
    type('IMAP port', '1143');
    fireEvent.change(screen.getByLabelText('IMAP security'), { target: { value: 'tls' } });
    expect(port()).toBe('1143');
  });

  it('asks for explicit consent before an unencrypted connection', async () => {
    const { client } = setup({ 'accounts.testConnection': () => OK });
    fillBasics();
    expect(screen.queryByTestId('setup-allow-plaintext')).toBeNull();
    fireEvent.change(screen.getByLabelText('IMAP security'), { target: { value: 'none' } });
    fireEvent.click(testButton());
    await screen.findByText(/Tick “Allow unencrypted connection”/);
    expect(client.callsOf('accounts.testConnection')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('Allow unencrypted connection (password sent in plain text)'));
    fireEvent.click(testButton());
    await screen.findByText(/The connection works/);
    expect(client.callsOf('accounts.testConnection')[0]).toMatchObject({
      incoming: { security: 'none', port: 143 },
      allowPlaintext: true,
    });
  });

  it('names the fields to fix instead of sending an invalid draft', async () => {
    const { client } = setup({ 'accounts.testConnection': () => OK });
    type('Email address', 'not an address');
    fireEvent.click(testButton());
    await screen.findByText(/Please check: .*Email address.*IMAP server.*Password/);
    expect(client.calls.filter((call) => call.method !== 'settings.get')).toHaveLength(0); // the settings are read at start
  });

  it('sends SMTP settings only when an SMTP server is given', async () => {
    const { client } = setup({ 'accounts.testConnection': () => OK });
    fillBasics();
    type('SMTP server', 'smtp.example.test');
    fireEvent.click(testButton());
    await screen.findByText(/The connection works/);
    expect(client.callsOf('accounts.testConnection')[0]).toMatchObject({
      smtp: { host: 'smtp.example.test', port: 587, security: 'starttls', user: 'alice@example.test' },
    });
  });

  it('speaks Chinese when asked to', async () => {
    setup({ 'accounts.testConnection': () => failure({ code: 'HostNotFound', message: 'ENOTFOUND' }) }, 'zh');
    type('电子邮件地址', 'alice@example.test');
    type('IMAP 服务器', 'nowhere.example.test');
    type('密码', 'secret');
    fireEvent.click(screen.getByText('测试连接'));
    await screen.findByText('找不到该名称的服务器。请检查服务器名称。');
  });

  it('offers POP3: the ports follow (995, 110), the policy goes into the draft, and zh has its words', async () => {
    const { client } = setup({ 'accounts.testConnection': () => OK });
    type('Email address', 'alice@example.test');
    fireEvent.change(screen.getByTestId('setup-protocol'), { target: { value: 'pop3' } });
    expect((screen.getByLabelText('POP3 port') as HTMLInputElement).value).toBe('995');
    fireEvent.change(screen.getByLabelText('POP3 security'), { target: { value: 'starttls' } });
    expect((screen.getByLabelText('POP3 port') as HTMLInputElement).value).toBe('110');
    type('POP3 server', 'pop.example.test');
    type('Password', 'secret');
    fireEvent.change(screen.getByLabelText('After downloading'), { target: { value: 'deleteAfterDays' } });
    type('Days on the server', '7');
    type('Only the beginning of messages over (KB, empty: no limit)', '500');
    fireEvent.click(testButton());
    await screen.findByText(/The connection works/);
    expect(client.callsOf('accounts.testConnection')[0]).toMatchObject({
      protocol: 'pop3',
      incoming: { host: 'pop.example.test', port: 110, security: 'starttls', user: 'alice@example.test' },
      pop3: { leave: 'deleteAfterDays', deleteAfterDays: 7, maxMessageKb: 500 },
    });
    cleanup();
    setup({}, 'zh');
    fireEvent.change(screen.getByTestId('setup-protocol'), { target: { value: 'pop3' } });
    expect(screen.getByText('收件服务器（POP3）')).toBeTruthy();
    expect(screen.getByLabelText('下载之后')).toBeTruthy();
  });
});

describe('AccountForm: OAuth2 at a provider not in the bundled list', () => {
  afterEach(() => vi.restoreAllMocks());

  function chooseBrowserSignIn() {
    type('Email address', 'ann@corp.test');
    type('IMAP server', 'mail.corp.test');
    fireEvent.change(screen.getByTestId('setup-auth'), { target: { value: 'oauth2' } });
  }

  it('sends the typed provider (scopes split, no secret as null) with the sign-in, and holds it back until it is valid', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { client } = setup({
      'accounts.oauthStart': () => ({ flowId: 'f1', authUrl: 'https://id.corp.test/authorize?state=s', redirectUri: 'http://127.0.0.1:1/oauth2/callback' }),
      'accounts.oauthFinish': () => ({ flowId: 'f1', expiresAt: 0 }),
      'accounts.oauthCancel': () => ({ cancelled: true }),
    });
    chooseBrowserSignIn();
    expect(screen.queryByLabelText('Authorization URL')).toBeNull();
    fireEvent.click(screen.getByTestId('oauth2-own-enabled'));
    type('Authorization URL', 'javascript:alert(1)');
    type('Token URL', 'https://id.corp.test/token');
    type('Client ID', 'wren');
    type('Scope (separated by spaces)', 'openid  mail offline_access');
    const start = screen.getByTestId('oauth2-start') as HTMLButtonElement;
    // Not a web address: marked, and no sign-in can start with it.
    expect(screen.getByLabelText('Authorization URL').getAttribute('aria-invalid')).toBe('true');
    expect(start.disabled).toBe(true);
    type('Authorization URL', 'https://id.corp.test/authorize');
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    await screen.findByTestId('oauth2-signed-in');
    expect(client.callsOf('accounts.oauthStart')).toEqual([{
      email: 'ann@corp.test',
      provider: { authorizationEndpoint: 'https://id.corp.test/authorize', tokenEndpoint: 'https://id.corp.test/token', clientId: 'wren', clientSecret: null, scopes: ['openid', 'mail', 'offline_access'] },
    }]);
  });

  it('without the section, the sign-in asks for the bundled provider of the address', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { client } = setup({
      'accounts.oauthStart': () => ({ flowId: 'f2', authUrl: 'https://id.corp.test/authorize?state=s', redirectUri: 'http://127.0.0.1:1/oauth2/callback' }),
      'accounts.oauthFinish': () => ({ flowId: 'f2', expiresAt: 0 }),
    });
    chooseBrowserSignIn();
    fireEvent.click(screen.getByTestId('oauth2-start'));
    await screen.findByTestId('oauth2-signed-in');
    expect(client.callsOf('accounts.oauthStart')).toEqual([{ email: 'ann@corp.test', provider: null }]);
  });
});
