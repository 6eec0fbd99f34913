import { folderStatus } from '../imap/folder-status';
import type { ImapClient } from '../imap/imap-client';
import { withFolder } from '../imap/with-folder';
import type { ErrorShape } from '../errors/error-codes';
import { WrenError } from '../errors/wren-error';
import { RETRY_LATER_CODES, isServerRefusal, refusalOf } from '../imap/imap-error';
import { folderExists } from '../imap/folder-exists';
import { storeFlags } from '../imap/store-flags';
import { expungeMessages } from '../imap/expunge-messages';
import type { JournalEntry, JournalItem } from '../store/operations-repo';
import type { Store } from '../store/store';
import { flushWal } from '../store/flush-wal';
import { isFolderAction, replayFolderEntry } from './replay-folder-operation';
import { replayTransfer } from './replay-transfer';
import { replayAppend, returnUnsent } from './replay-append';
import { resolveItems, type ArrivedSince } from './resolve-journal-items';

export type Note = (line: string) => void;

/**
 * Replays the account's journal to the server, oldest entry first. Each entry
 * goes pending → sent → done (moves and copies record the target's UIDNEXT
 * when sent, so a kill between any two steps is resumed without repeating a
 * copy). A conflict (the message or the target folder gone) fails the entry:
 * it is kept as failed until announced (operation.failed), and the folder pass
 * that follows brings the cache back to the server's truth. A network fault
 * stops the replay and leaves the entry for the next one.
 */
export async function replayJournal(client: ImapClient, store: Store, accountId: number, note: Note = console.warn): Promise<number> {
  let replayed = 0;
  const unfinished = store.operations.unfinished(accountId);
  // Committed is not yet on the disk (synchronous = NORMAL): a move into a local folder, lost to a power loss
  // after its EXPUNGE was replayed, would lose the message. One flush per pass, before the server is asked.
  if (unfinished.length) await flushWal(store.db);
  for (const { id } of unfinished) {
    // Read again: earlier entries may have given this one's messages their UIDs, or it was undone.
    const entry = store.operations.get(id);
    if (!entry || (entry.state !== 'pending' && entry.state !== 'sent')) continue;
    try {
      await replayEntry(client, store, entry, note);
    } catch (error) {
      if (!isConflict(error, client)) throw error;
      store.write(() => {
        store.operations.fail(entry.id, refusalShape(error));
        store.folders.forgetModseq(accountId, [...byFolder(entry.items).keys()]);
        if (entry.action === 'append') returnUnsent(store, store.operations.get(entry.id)!);
      });
    }
    replayed += 1;
  }
  return replayed;
}

async function replayEntry(client: ImapClient, store: Store, entry: JournalEntry, note: Note): Promise<void> {
  if (entry.action === 'move' || entry.action === 'copy') return replayTransfer(client, store, entry, note);
  if (entry.action === 'append') return replayAppend(client, store, entry);
  if (isFolderAction(entry.action)) return replayFolderEntry(client, store, entry);
  const resumed = entry.state === 'sent';
  if (!resumed && !store.write(() => store.operations.claim(entry.id))) return; // undone meanwhile
  const missing: JournalItem[] = [];
  for (const [path, items] of byFolder(entry.items)) {
    missing.push(...(await inFolder(client, path, { change: true }, async (uidValidity) => {
      const resolved = await resolveItems(client, items, uidValidity, copiesSince(entry, uidValidity));
      const uids = resolved.present.map(({ uid }) => uid);
      if (entry.action === 'store') await storeFlags(client, uids, entry.add, entry.remove);
      else if (!(await expungeMessages(client, uids))) note(`[sync] ${path}: left ${uids.length} message(s) marked \\Deleted; the server has no UIDPLUS and other \\Deleted messages are in the folder.`);
      return resolved.missing;
    })));
  }
  // A delete resumed after a kill finds gone what its first attempt expunged: what was asked, not a failure.
  finishOrFail(store, entry, entry.action === 'expunge' && resumed ? [] : missing);
}

/**
 * An Undo's delete of copies (see undo-copy.ts) finds a copy whose UID it lacks only among the messages
 * that arrived with or after the copy, under the UIDVALIDITY the target had then; other entries look by Message-ID anywhere.
 */
function copiesSince(entry: JournalEntry, uidValidity: number): ArrivedSince | undefined {
  if (entry.action !== 'expunge' || entry.targetUidNext === null) return undefined;
  return { sinceUid: entry.targetUidValidity === uidValidity ? entry.targetUidNext : null };
}

/** Done, or failed when some of its messages were gone: nothing is dropped without a word. */
export function finishOrFail(store: Store, entry: JournalEntry, missing: JournalItem[]): void {
  store.write(() => {
    if (missing.length === 0) return store.operations.finish(entry.id);
    const messageIds = missing.map((item) => item.messageIdHeader ?? `UID ${item.uid ?? '?'} in ${item.folderPath}`);
    store.operations.fail(entry.id, new WrenError('NotFound', `${missing.length} message(s) of this operation were no longer on the server.`, { missing: messageIds }).toShape());
  });
}

/**
 * Marks a pending move, copy or append as sent, recording its target's
 * UIDNEXT first, before the server is asked anything: a replay killed after
 * this looks above that UIDNEXT for what already arrived. A missing target
 * fails here, before anything changed. Null when the entry was undone meanwhile.
 */
export async function claimTarget(client: ImapClient, store: Store, entry: JournalEntry): Promise<JournalEntry | null> {
  const target = entry.targetPath!;
  const mark = await folderStatus(client, target);
  if (!mark) throw folderGone(target);
  if (!store.write(() => store.operations.claim(entry.id, mark))) return null;
  return { ...entry, state: 'sent', targetUidNext: mark.uidNext, targetUidValidity: mark.uidValidity };
}

/**
 * Runs `work` with the folder selected, giving it the folder's UIDVALIDITY.
 * `change`: the work changes the folder (flags, expunge, move out); a folder
 * the server opened READ-ONLY fails the entry with FolderReadOnly before any
 * command, as imapflow would drop a refused STORE without a word.
 */
export async function inFolder<T>(client: ImapClient, path: string, options: { change: boolean }, work: (uidValidity: number) => Promise<T>): Promise<T> {
  let selected = false;
  try {
    return await withFolder(client, path, (folder) => {
      selected = true;
      if (options.change && folder.readOnly) throw readOnlyFolder(path);
      return work(folder.uidValidity);
    });
  } catch (error) {
    // A SELECT refused because the folder went (renamed or deleted on another device; Dovecot's NO carries no
    // [NONEXISTENT]) is said as FolderGone, as a missing move target is, not as the server's bare words.
    if (!selected && isServerRefusal(error) && client.usable && !(await folderExists(client, path))) throw folderGone(path);
    throw error;
  }
}

function folderGone(path: string): WrenError {
  return new WrenError('FolderGone', `The folder ${path} is not on the server any more (deleted or renamed elsewhere).`, { folder: path });
}

function readOnlyFolder(path: string): WrenError {
  return new WrenError('FolderReadOnly', `The server opened ${path} read-only: this account may not change it.`, { folder: path, responseCode: 'READ-ONLY' });
}

export function byFolder(items: JournalItem[]): Map<string, JournalItem[]> {
  const groups = new Map<string, JournalItem[]>();
  for (const item of items) groups.set(item.folderPath, [...(groups.get(item.folderPath) ?? []), item]);
  return groups;
}

/**
 * The server refused (NO/BAD: a folder gone, a read-only folder) while the
 * connection is fine: the entry cannot be applied. Throttling is not a
 * refusal: the entry stays for the next replay.
 */
function isConflict(error: unknown, client: ImapClient): boolean {
  if (error instanceof WrenError) return CONFLICTS.has(error.code);
  const refusal = refusalOf(error);
  return client.usable && refusal !== null && !RETRY_LATER_CODES.has(refusal.code);
}

const CONFLICTS: ReadonlySet<string> = new Set(['ServerSaid', 'NotFound', 'FolderExists', 'FolderGone', 'FolderHasNewSubfolders', 'FolderReadOnly', 'ServerOverQuota']);

function refusalShape(error: unknown): ErrorShape {
  if (error instanceof WrenError) return error.toShape();
  return (refusalOf(error) ?? new WrenError('ServerSaid', `The server refused: ${(error as Error).message}`)).toShape();
}
