import { readFile } from 'node:fs/promises';
import type { AccountService } from '../accounts/account-service';
import { WrenError, isOfflineFault } from '../errors/wren-error';
import type { ComposedMessage } from '../ipc/compose-shapes';
import { appendMessage } from '../imap/append-message';
import { findByMessageId } from '../imap/find-by-message-id';
import type { ImapSessions } from '../imap/imap-sessions';
import { withFolder } from '../imap/with-folder';
import type { OperationsService } from '../journal/operations-service';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import type { AccountRecord } from '../store/accounts-repo';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { buildDraft } from './build-draft';
import { forwardedMessageIdOf } from './original-message';
import { chosenIdentity, identitiesOf } from './identities';
import { DraftSessions } from './draft-sessions';
import { draftMessageId } from './draft-message-id';
import { storeComposed } from './store-composed';

export interface DiscardRequest {
  draftMessageId: number | null;
  draftKey: string | null;
  accountId?: number | undefined;
}

export interface DiscardedDraft {
  discarded: true;
  /** The move to Trash, for `operations.undo`; null when nothing can be taken back. */
  undoOperationId: number | null;
}

export interface SavedDraft {
  draftMessageId: number;
  /** 'server': in the account's Drafts folder; 'queued': stored here, appended when the server is back; 'local': a POP3 account's local Drafts. */
  stored: 'server' | 'queued' | 'local';
}

const DRAFT_FLAGS = ['\\Seen', '\\Draft'];
const LOCAL_DRAFTS = 'Drafts';

/**
 * Drafts: each save stores the whole message as a new row in the account's
 * Drafts folder (with its source, so it reopens offline) and replaces the
 * previous version. An IMAP account's draft is APPENDed at once when the
 * server can be reached, else kept in pending_appends and appended when the
 * account is back; the previous version is deleted through the operations
 * journal, after the new one is stored. A POP3 account keeps its drafts in a
 * local Drafts folder.
 */
export class DraftsService {
  /** One save or flush at a time per account, so a version is never appended twice. */
  private readonly queues = new Map<number, Promise<unknown>>();
  /** The newest saved version of each composing session; a reloaded page may not know it. */
  private readonly composing = new DraftSessions();

  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly sessions: ImapSessions,
    private readonly operations: OperationsService,
    private readonly staging: AttachmentStaging,
  ) {}

  save(composed: ComposedMessage): Promise<SavedDraft> {
    return this.serial(composed.accountId, () => this.saveNow(composed));
  }

  /**
   * Removes a draft. With its session's key (and account), once any save of
   * that session under way is done, so the newest version goes, also one the
   * composer never heard of. It goes to Trash, as a deleted message does, so
   * the composer's Undo can take it back (`operations.undo`); a version only
   * here, never stored anywhere else, goes for good.
   */
  async discard(request: DiscardRequest): Promise<DiscardedDraft> {
    const accountId = request.accountId ?? (request.draftMessageId !== null ? this.store.messages.get(request.draftMessageId)?.accountId : null);
    const discardNow = async (): Promise<DiscardedDraft> => {
      const newest = this.currentVersion(request);
      const record = newest !== null ? this.store.messages.get(newest) : undefined;
      if (request.draftKey) this.composing.forget(request.draftKey);
      if (!record) return { discarded: true, undoOperationId: null };
      const folder = this.draftsFolderOf(record.folderId);
      if (record.uid === null && !this.store.pendingAppends.has(record.id) && !this.isLocal(folder.id)) {
        this.removeVersion(folder, record.id);
        return { discarded: true, undoOperationId: null };
      }
      const deleted = await this.operations.apply({ kind: 'delete', messageIds: [record.id], permanent: false });
      return { discarded: true, undoOperationId: deleted.undoable ? deleted.operationId : null };
    };
    if (request.draftKey && typeof accountId === 'number') return this.serial(accountId, discardNow);
    return discardNow();
  }

  /**
   * The message as it is to be sent: continuing the newest version of its
   * draft, once any save of it under way is done, so that version is the one
   * removed after the send.
   */
  async readyToSend(composed: ComposedMessage): Promise<ComposedMessage> {
    const draftKey = composed.draftKey;
    if (!draftKey) return composed;
    return this.serial(composed.accountId, async () => {
      const ready = { ...composed, draftMessageId: this.currentVersion(composed) };
      // The session is over; should the message come back (Undo, a failed send), it names its version itself.
      this.composing.forget(draftKey);
      return ready;
    });
  }

  /** Appends the drafts written while the account was unreachable (called when it is back). */
  flush(accountId: number): Promise<void> {
    return this.serial(accountId, () => this.flushNow(accountId)).catch((error: unknown) => {
      if (!isOfflineFault(error)) throw error;
    });
  }

  private async saveNow(composed: ComposedMessage): Promise<SavedDraft> {
    const account = this.accounts.require(composed.accountId);
    const folder = this.draftsFolder(account);
    const previousId = this.currentVersion(composed);
    const previousRecord = previousId !== null ? this.store.messages.get(previousId) : undefined;
    const previous = previousRecord ? this.draftsFolderOf(previousRecord.folderId) : null;
    const identity = chosenIdentity(identitiesOf(this.store, account), composed.identityId);
    const messageId = draftMessageId(identity.email);
    const raw = await buildDraft(composed, identity, messageId, this.staging, forwardedMessageIdOf(this.store, composed.origin));
    const blob = await this.store.blobs.writeBuffer(raw);
    const rowId = this.store.write(() => {
      const id = storeComposed(this.store, folder.id, composed, identity, { messageId, blob, flags: DRAFT_FLAGS });
      if (account.protocol === 'imap') this.store.pendingAppends.add({ messageRowId: id, accountId: account.id, folderPath: folder.path });
      return id;
    });
    if (composed.draftKey) this.composing.remember(composed.draftKey, rowId);
    if (account.protocol !== 'imap') {
      if (previous) this.removeReplaced(account.id, previous, previousId!);
      return { draftMessageId: rowId, stored: 'local' };
    }
    const uploaded = await this.flushNow(account.id).then(() => true, (error: unknown) => {
      if (isOfflineFault(error)) return false;
      // Refused (no right to store there, a full quota): the save failed, so this version goes too, or
      // each later save would leave one more behind to be appended once the server takes drafts again.
      if (this.store.messages.get(rowId)?.uid === null) this.forgetUnsent(folder, rowId);
      throw error;
    });
    if (previous) this.removeReplaced(account.id, previous, previousId!);
    return { draftMessageId: rowId, stored: uploaded ? 'server' : 'queued' };
  }

  private async flushNow(accountId: number): Promise<void> {
    for (const pending of this.store.pendingAppends.forAccount(accountId)) {
      const record = this.store.messages.get(pending.messageRowId);
      const source = this.store.bodies.source(pending.messageRowId);
      if (!record || !source) {
        this.store.write(() => this.store.pendingAppends.remove(pending.messageRowId));
        continue;
      }
      const raw = await readFile(this.store.blobs.pathOf(source.blob));
      const uid = await this.sessions.use(accountId, 'read', async (client) => {
        // A crash after an APPEND but before it was recorded must not append the draft twice.
        const found = await withFolder(client, pending.folderPath, () => findByMessageId(client, record.messageId), { readOnly: true });
        if (found.length) return found[0]!;
        return (await appendMessage(client, pending.folderPath, raw, DRAFT_FLAGS)).uid;
      });
      this.store.write(() => {
        this.store.pendingAppends.remove(pending.messageRowId);
        if (uid !== null) this.store.messages.adoptUid(record.id, record.folderId, uid);
      });
    }
  }

  /** A version the server refused: its row and its waiting APPEND go. */
  private forgetUnsent(folder: FolderRecord, rowId: number): void {
    this.store.write(() => {
      this.store.pendingAppends.remove(rowId);
      this.store.messages.removeLocal(folder.id, [rowId]);
    });
  }

  /**
   * The version a save replaced. One in another account's Drafts (the From
   * was switched to this account) goes in that account's turn, not awaited:
   * its save or flush may be appending that very version.
   */
  private removeReplaced(accountId: number, previous: FolderRecord, messageId: number): void {
    if (previous.accountId === accountId || previous.accountId === null) {
      this.removeVersion(previous, messageId);
      return;
    }
    this.serial(previous.accountId, async () => this.removeVersion(previous, messageId)).catch((error: unknown) => {
      console.warn('[wren] drafts: the version left in the other account could not be removed:', (error as Error).message);
    });
  }

  /** A previous version: never on the server (only here) is removed here; on the server, deleted through the journal. */
  private removeVersion(folder: FolderRecord, messageId: number): void {
    const record = this.store.messages.get(messageId);
    if (!record) return;
    if (record.uid === null || this.isLocal(folder.id)) {
      this.store.write(() => this.store.messages.removeLocal(folder.id, [messageId]));
      return;
    }
    this.operations.apply({ kind: 'delete', messageIds: [messageId], permanent: true });
  }

  /** The version a save replaces: its session's newest while that is still stored, else the one the composer named. */
  private currentVersion(composed: Pick<ComposedMessage, 'draftMessageId' | 'draftKey'>): number | null {
    const newest = composed.draftKey ? this.composing.newestOf(composed.draftKey) : undefined;
    if (newest !== undefined && this.store.messages.get(newest)) return newest;
    return composed.draftMessageId;
  }

  private draftsFolder(account: AccountRecord): FolderRecord {
    if (account.protocol === 'pop3') return this.store.write(() => this.store.folders.ensureLocalFolder(account.id, LOCAL_DRAFTS, 'drafts'));
    const folder = this.store.folders.list(account.id).find((f) => f.role === 'drafts');
    if (!folder) throw new WrenError('NotFound', `The account ${account.email} has no Drafts folder yet (sync it first).`, { accountId: account.id });
    return folder;
  }

  /** The folder of a message that must be a draft; anything else is refused (a save must never delete other mail). */
  private draftsFolderOf(folderId: number | undefined): FolderRecord {
    const folder = folderId === undefined ? undefined : this.store.folders.get(folderId);
    if (!folder || folder.role !== 'drafts') throw new WrenError('BadRequest', 'That message is not a draft.');
    return folder;
  }

  private isLocal(folderId: number): boolean {
    return this.store.db.prepare('SELECT is_local FROM folders WHERE id = ?').pluck().get(folderId) === 1;
  }

  private serial<T>(accountId: number, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(accountId) ?? Promise.resolve()).then(work, work);
    this.queues.set(accountId, run.catch(() => undefined));
    return run;
  }
}
