import type { WrenError } from '../errors/wren-error';
import type { ImapLogin } from '../imap/imap-connection';
import { toServerError } from '../imap/imap-error';
import { connectionFault } from '../imap/imap-connection';
import { openPushSession, type FlagChange, type PushSession } from '../imap/push-session';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import type { NewMailNotices } from './new-mail';
import { syncFolder } from './sync-folder';
import { keepQuota } from './keep-quota';
import { readQuota } from '../imap/account-quota';

/**
 * Push on one account's Inbox: a connection of its own IDLEs there; new mail
 * (EXISTS) syncs the folder's headers at once and announces what arrived,
 * VANISHED UIDs and flag changes go straight into the store. Other folders
 * are left to the polling sync. Reconnecting is the caller's business: it is
 * told once, with the fault, when the connection is lost.
 */
export class InboxPush {
  private session: PushSession | null = null;
  private syncing: Promise<void> | null = null;
  private again = false;
  private ended = false;

  constructor(
    private readonly store: Store,
    private readonly accountId: number,
    private readonly login: ImapLogin,
    private readonly notices: NewMailNotices,
    private readonly onLost: (fault: WrenError) => void,
  ) {}

  async start(): Promise<void> {
    const inbox = this.inbox();
    if (!inbox) return; // nothing synced yet: the account's first sync lists the folders
    const session = await openPushSession(this.login, inbox.path, {
      onChanged: () => this.requestSync(),
      onVanished: (uids) => this.apply(() => this.store.messages.removeUids(inbox.id, uids)),
      onFlags: (change: FlagChange) => this.apply(() => this.store.messages.updateFlags(inbox.id, [change])),
      onClosed: (fault) => this.lose(fault),
    });
    if (this.ended) return session.close();
    this.session = session;
    this.requestSync(); // what came while nobody listened
  }

  /** Ends push without telling anyone: the account is removed or Wren is quitting. */
  stop(): void {
    this.ended = true;
    this.session?.close();
    this.session = null;
  }

  /** Settles once a sync under way (if any) has recorded what it fetched. */
  async idle(): Promise<void> {
    await this.syncing;
  }

  private inbox(): FolderRecord | undefined {
    const folders = this.store.folders.list(this.accountId);
    return folders.find((folder) => folder.role === 'inbox') ?? folders.find((folder) => folder.path.toUpperCase() === 'INBOX');
  }

  /** Signals that come during a sync make one more sync afterwards, not one each. */
  private requestSync(): void {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = this.syncWhileAsked().finally(() => (this.syncing = null));
  }

  private async syncWhileAsked(): Promise<void> {
    do {
      this.again = false;
      const folder = this.inbox();
      const client = this.session?.client;
      if (!folder || !client || this.ended) return;
      const marks = this.notices.mark([folder]);
      try {
        const { newMessages } = await syncFolder(client, this.store, folder, () => undefined);
        // New mail fills the mailbox: the quota shown follows it, not only the next full sync.
        if (newMessages > 0) {
          const quota = await readQuota(client);
          this.guard(() => keepQuota(this.store, this.accountId, quota));
        }
      } catch (error) {
        const fault = toServerError(error, this.login.server, 'imap');
        return this.lose(fault.code === 'ConnectionLost' ? connectionFault(client) ?? fault : fault);
      } finally {
        // Also after a failure: what the sync stored before it is news all the same.
        this.guard(() => this.notices.announce(marks));
      }
    } while (this.again);
  }

  private apply(write: () => unknown): void {
    this.guard(() => this.store.write(write));
  }

  /** A local fault (a full disk) ends push like a lost line would: the caller reports it and decides. */
  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.lose(toServerError(error, this.login.server, 'imap'));
    }
  }

  private lose(fault: WrenError): void {
    if (this.ended) return;
    this.ended = true;
    this.session?.close();
    this.session = null;
    this.onLost(fault);
  }
}
