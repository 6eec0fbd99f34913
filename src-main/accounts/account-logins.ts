import type { WorkOffline } from '../app/work-offline';
import { WrenError } from '../errors/wren-error';
import type { ImapLogin } from '../imap/imap-connection';
import type { SmtpLogin } from '../smtp/smtp-transport';
import type { Store } from '../store/store';
import { withPresentedCertificate } from '../tls/presented-certificate';
import type { AccountService } from './account-service';
import { smtpTrust } from './smtp-connection-test';

/**
 * What every connection of an account logs in with: the server, the password or an OAuth2 token (refreshed
 * first when near its expiry), and the certificate the user trusts. Asked by sync, the reader, drafts and the
 * outbox alike; while the user works offline, nothing logs in.
 */
export class AccountLogins {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly workOffline: WorkOffline,
  ) {}

  /** The incoming server's login (IMAP or POP3). */
  async loginFor(accountId: number): Promise<ImapLogin> {
    this.workOffline.check();
    const account = this.accounts.require(accountId);
    return {
      server: account.incoming,
      ...(await this.accounts.credential(account)),
      allowPlaintext: account.allowPlaintext,
      pin: account.trustedCertSha256 && account.trustedCertPem ? { sha256: account.trustedCertSha256, pem: account.trustedCertPem } : null,
    };
  }

  /** The outgoing server's: the same credential, its own certificate (or the incoming one's, see smtpTrust). */
  async smtpLoginFor(accountId: number): Promise<SmtpLogin> {
    const account = this.accounts.require(accountId);
    if (!account.smtp) throw new WrenError('NoSmtpServer', `Account ${account.name} has no outgoing (SMTP) server.`, { accountId });
    const imap = await this.loginFor(accountId);
    const smtpPin = account.smtpTrustedCertSha256 && account.smtpTrustedCertPem ? { sha256: account.smtpTrustedCertSha256, pem: account.smtpTrustedCertPem } : null;
    return { server: account.smtp, password: imap.password, accessToken: imap.accessToken, allowPlaintext: imap.allowPlaintext, pin: smtpTrust(smtpPin, imap.pin) };
  }

  /** An OAuth2 account's server refused its token: the login again with a renewed one, or null when there is none. */
  async renewLogin(accountId: number, rejected: string): Promise<ImapLogin | null> {
    const account = this.accounts.require(accountId);
    if (account.auth !== 'oauth2' || !(await this.accounts.refreshAfterRejection(account, rejected))) return null;
    return this.loginFor(accountId);
  }

  /** The same for SMTP (the outbox's renewal). */
  async renewSmtpLogin(accountId: number, rejected: string): Promise<SmtpLogin | null> {
    return (await this.renewLogin(accountId, rejected)) ? this.smtpLoginFor(accountId) : null;
  }

  /** A refused certificate of the account's incoming server comes with the one it shows now, to compare and trust again. */
  async describeFault(accountId: number, fault: WrenError): Promise<WrenError> {
    const account = this.store.accounts.get(accountId);
    return account ? withPresentedCertificate(fault, { ...account.incoming, protocol: account.protocol }) : fault;
  }
}
