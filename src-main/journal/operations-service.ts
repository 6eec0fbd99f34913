import type { MailOperation, OperationReceipt } from '../ipc/contract';
import type { Store } from '../store/store';
import { applyOperation, emptyFolder, markFolderRead, type Applied, type ApplyOptions } from './apply-operation';
import { journalFlags } from './journal-entries';
import { serverOf } from './cross-transfer';
import { undoOperation } from './undo-operation';
import { releaseBlobs } from '../store/release-blobs';

/**
 * The user's operations on mail: each is stored locally (cache and journal in
 * one transaction) and returns at once; `replaySoon` asks the sync service to
 * send the journal to the server when the account is reachable.
 */
export class OperationsService {
  /** Downloads a message's source into the blob store (set by the core once its reader exists). */
  cacheSource: (messageId: number) => Promise<unknown> = () => Promise.reject(new Error('No source downloader'));

  constructor(
    private readonly store: Store,
    private readonly replaySoon: (accountId: number) => void,
    private readonly options: ApplyOptions = {},
  ) {}

  /** A move or copy that takes mail off its server first downloads the sources it lacks (online, before anything changes). */
  async apply(operation: MailOperation): Promise<OperationReceipt> {
    if (operation.kind === 'move' || operation.kind === 'copy') {
      for (const id of this.sourcesNeeded(operation.kind, operation.messageIds, operation.folderId)) await this.cacheSource(id);
    }
    return this.queued(applyOperation(this.store, operation, this.options));
  }

  markFolderRead(folderId: number): OperationReceipt {
    return this.queued(markFolderRead(this.store, folderId));
  }

  emptyFolder(folderId: number): OperationReceipt {
    return this.queued(emptyFolder(this.store, folderId));
  }

  undo(operationId: number): { undone: true } {
    const { replay, released } = undoOperation(this.store, operationId);
    if (released) releaseBlobs(this.store, released);
    replay.forEach((accountId) => this.replaySoon(accountId));
    return { undone: true };
  }

  /** Marks one message read/unread, flagged/unflagged (the reading pane); nothing to send for a message on no server or from POP3. */
  setFlags(messageId: number, change: { seen?: boolean; flagged?: boolean }): void {
    const add: string[] = [];
    const remove: string[] = [];
    if (change.seen !== undefined) (change.seen ? add : remove).push('\\Seen');
    if (change.flagged !== undefined) (change.flagged ? add : remove).push('\\Flagged');
    if (!add.length && !remove.length) return;
    const accountId = this.store.write(() => {
      const [message] = this.store.messageChanges.locate([messageId]);
      if (!message) return null;
      // POP3 keeps no flags on the server: a local change only, which must not cost a login (servers limit how often).
      if (message.accountId === null || this.store.accounts.get(message.accountId)?.protocol === 'pop3') {
        this.store.messageChanges.setFlags(message.id, [...new Set([...message.flags.filter((flag) => !remove.includes(flag)), ...add])]);
        return null;
      }
      journalFlags(this.store, message.accountId, 'flags', [message], add, remove);
      return message.accountId;
    });
    if (accountId !== null) this.replaySoon(accountId);
  }

  private sourcesNeeded(kind: 'move' | 'copy', messageIds: number[], folderId: number): number[] {
    const target = this.store.folders.get(folderId);
    if (!target) return [];
    const to = serverOf(target);
    return this.store.messageChanges.locate(messageIds)
      .filter((message) => (message.serverAccountId !== null && message.serverAccountId !== to) || this.leavesPartial(kind, message.id, to))
      .filter((message) => {
        const source = this.store.bodies.source(message.id);
        return !source || !this.store.blobs.intact(source) || this.store.pop3Uidls.ofMessage(message.id)?.partial === true;
      })
      .map((message) => message.id);
  }

  /**
   * A POP3 message stored with TOP only may move among local folders (its row,
   * and so its link to the rest on the server, goes with it), but a copy or a
   * move to a server would carry its beginning alone as the message.
   */
  private leavesPartial(kind: 'move' | 'copy', messageId: number, to: number | null): boolean {
    return (kind === 'copy' || to !== null) && this.store.pop3Uidls.ofMessage(messageId)?.partial === true;
  }

  private queued(applied: Applied): OperationReceipt {
    applied.replay.forEach((accountId) => this.replaySoon(accountId));
    const { operationId, affected, undoable, forGood, operationIds, moved } = applied;
    return { operationId, affected, undoable, ...(forGood !== undefined && { forGood }), ...(operationIds && { operationIds }), ...(moved !== undefined && { moved }) };
  }
}
