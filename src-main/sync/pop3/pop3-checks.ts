import type { ImapLogin } from '../../imap/imap-connection';
import type { SyncSummary } from '../../ipc/contract';
import { openPop3, type Pop3Client } from '../../pop3/pop3-client';
import type { AccountRecord } from '../../store/accounts-repo';
import type { Store } from '../../store/store';
import { Pop3Source } from '../pop3-source';
import { syncAccount } from '../sync-account';
import type { ProgressListener } from '../sync-runner';

/** Opens a POP3 session with an account's login (the same shape as IMAP's: server, password, pin). */
export function openPop3Session(login: ImapLogin): Promise<Pop3Client> {
  return openPop3({
    ...login.server,
    password: login.password,
    accessToken: login.accessToken,
    allowPlaintext: login.allowPlaintext,
    pin: login.pin,
    timeouts: { connectMs: login.timeouts?.connectMs, idleMs: login.timeouts?.socketMs },
  });
}

/**
 * Mail checks of POP3 accounts, one session each: a check that ends well
 * ends with QUIT (the only moment the server applies DELEs); one that fails
 * or is cut off closes the line without QUIT, so nothing is deleted.
 */
export class Pop3Checks {
  private readonly open = new Map<number, Pop3Client>();

  constructor(private readonly store: Store) {}

  async check(account: AccountRecord, login: ImapLogin, onProgress: ProgressListener): Promise<SyncSummary> {
    const client = await openPop3Session(login);
    this.open.set(account.id, client);
    try {
      const source = new Pop3Source(client, this.store, account.id, { policy: account.pop3, note: (line) => console.warn(line) });
      const summary = await syncAccount(source, this.store, account.id, { bodies: false, onProgress });
      await client.quit();
      return source.warnings.length ? { ...summary, warnings: source.warnings } : summary;
    } catch (error) {
      client.close();
      throw error;
    } finally {
      if (this.open.get(account.id) === client) this.open.delete(account.id);
    }
  }

  /** Cuts the account's session: whatever it had stored stays, and no DELE takes effect. */
  drop(accountId: number): void {
    this.open.get(accountId)?.close();
  }

  closeAll(): void {
    for (const client of this.open.values()) client.close();
  }
}
