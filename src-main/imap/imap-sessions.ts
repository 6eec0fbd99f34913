import type { ImapFlow } from 'imapflow';
import { connectionFault, openImap, type ImapLogin } from './imap-connection';
import { toServerError } from './imap-error';
import { isUnreachable, toWrenError } from '../errors/wren-error';
import { isLocalFault } from '../errors/local-fault';
import { withRenewedToken, type RenewLogin } from '../accounts/oauth2/renewed-token-retry';

/** Sync and on-demand reading use separate connections, so opening a message never waits behind a long sync. */
export type SessionPurpose = 'sync' | 'read';


/** Keeps one logged-in IMAP connection per account and purpose, reopened when it breaks. */
export class ImapSessions {
  private readonly clients = new Map<string, Promise<ImapFlow>>();
  /**
   * The server each account's connection was opened to, to name it in a
   * fault: asking loginFor again after a failure could renew an OAuth2 token
   * over a network that is down, and turn "offline" into a failed renewal.
   */
  private readonly servers = new Map<number, ImapLogin['server']>();

  constructor(
    private readonly loginFor: (accountId: number) => ImapLogin | Promise<ImapLogin>,
    /** OAuth2: a login with a renewed token after the server refused one (tried once per connection). */
    private readonly renewLogin?: (accountId: number) => RenewLogin<ImapLogin>,
  ) {}

  async use<T>(accountId: number, purpose: SessionPurpose, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const key = `${accountId}:${purpose}`;
    const client = await this.connect(key, accountId);
    try {
      return await work(client);
    } catch (error) {
      const server = this.servers.get(accountId);
      if (!server) throw toWrenError(error);
      const lost = toServerError(error, server, 'imap');
      // "Connection lost" is only the echo of what ended it (the server stalled, say): report the cause.
      const mapped = lost.code === 'ConnectionLost' ? connectionFault(client) ?? lost : lost;
      // A connection that failed at the network, TLS or login level is not reused, nor one whose FETCH was
      // broken off midway by a local fault or a bug: what the server still sends for it is unknown. Nor one
      // whose server broke the protocol (imapflow keeps it open after an unreadable completion): nothing
      // it says after that can be trusted.
      const broken = isUnreachable(mapped) || isLocalFault(mapped) || ['TlsUntrusted', 'AuthFailed', 'Internal', 'ServerProtocolError'].includes(mapped.code);
      if (broken || !client.usable) this.drop(key);
      throw mapped;
    }
  }

  /** Closes the account's connections (account removed, or going offline). */
  closeAccount(accountId: number): void {
    for (const key of [...this.clients.keys()]) if (key.startsWith(`${accountId}:`)) this.drop(key);
  }

  closeAll(): void {
    for (const key of [...this.clients.keys()]) this.drop(key);
  }

  private async connect(key: string, accountId: number): Promise<ImapFlow> {
    const existing = this.clients.get(key);
    if (existing) {
      const client = await existing.catch(() => null);
      if (client?.usable) return client;
      this.clients.delete(key);
    }
    const opening = Promise.resolve(this.loginFor(accountId)).then((login) => {
      this.servers.set(accountId, login.server);
      return withRenewedToken(login, this.renewLogin?.(accountId), (attempt) => openImap(attempt, () => this.drop(key)));
    });
    this.clients.set(key, opening);
    opening.catch(() => this.clients.delete(key));
    return opening;
  }

  private drop(key: string): void {
    const opening = this.clients.get(key);
    this.clients.delete(key);
    opening?.then((client) => client.close()).catch(() => undefined);
  }
}
