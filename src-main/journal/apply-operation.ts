import { WrenError } from '../errors/wren-error';
import type { FolderRole, MailOperation, MessageFlag, OperationReceipt } from '../ipc/contract';
import { LOCAL_ARCHIVE, LOCAL_JUNK, LOCAL_TRASH, type FolderRecord } from '../store/folders-repo';
import type { MessageLocation } from '../store/message-changes-repo';
import type { Store } from '../store/store';
import { releaseBlobs } from '../store/release-blobs';
import type { ArchiveGranularity } from '../settings/settings-schema';
import { archiveMoves } from './archive-folder';
import { localEntry, serverOf, transferAcross } from './cross-transfer';
import { itemOf, journalCopy, journalExpunge, journalFlags, journalMove, withFlags } from './journal-entries';

export interface Applied extends OperationReceipt {
  /** Accounts whose journal grew (none for an operation among local folders). */
  replay: number[];
}

/** What an operation needs to know of the settings. */
export interface ApplyOptions {
  /** How an IMAP account files archived mail (one folder unless set). */
  archiveGranularity?(accountId: number): ArchiveGranularity;
}

/** Applies a user's operation to the cache and journals it, in one transaction. */
export function applyOperation(store: Store, operation: MailOperation, options: ApplyOptions = {}): Applied {
  const released: string[] = [];
  const applied = store.write(() => {
    const messages = locateAll(store, operation.messageIds);
    const server = oneSide(messages);
    if (server === null) return applyLocally(store, operation, messages, released);
    const receipt = (operationId: number, undoable: boolean) => ({ operationId, affected: messages.length, undoable, replay: [server] });
    switch (operation.kind) {
      case 'flags':
        return receipt(journalFlags(store, server, 'flags', messages, operation.add, operation.remove), true);
      case 'move':
      case 'copy':
        return transfer(store, operation.kind, messages, server, targetFolder(store, operation.folderId));
      case 'archive':
        return archiveOnServer(store, server, messages, options.archiveGranularity?.(server) ?? 'single');
      case 'delete':
        return deleteMessages(store, server, messages, operation.permanent);
      case 'junk':
        return junkOnServer(store, server, messages, operation.junk);
    }
  });
  releaseBlobs(store, released);
  return applied;
}

/** One move per target folder (one, or one per year or month); one Undo takes them all back. */
function archiveOnServer(store: Store, accountId: number, messages: MessageLocation[], granularity: ArchiveGranularity): Applied {
  const operationIds = archiveMoves(store, accountId, messages, granularity).map((move) => journalMove(store, accountId, 'archive', move.messages, move.target));
  return { operationId: operationIds.at(-1)!, operationIds, affected: messages.length, undoable: true, replay: [accountId] };
}

/** Moves or copies, within one account's server (COPY/MOVE there) or across stores (see transferAcross). */
export function transfer(store: Store, kind: 'move' | 'copy', messages: MessageLocation[], from: number | null, target: FolderRecord): Applied {
  const affected = messages.length;
  if (from !== null && serverOf(target) === from) {
    if (kind === 'copy') return { operationId: journalCopy(store, from, messages, target), affected, undoable: true, replay: [from] };
    return { operationId: journalMove(store, from, 'move', messages, target), affected, undoable: true, replay: [from] };
  }
  return { ...transferAcross(store, kind, messages, from, target), affected };
}

/** Messages in local folders: every change is final at once; flags and moves can still be undone. */
function applyLocally(store: Store, operation: MailOperation, messages: MessageLocation[], released: string[]): Applied {
  const affected = messages.length;
  switch (operation.kind) {
    case 'flags': {
      for (const message of messages) store.messageChanges.setFlags(message.id, withFlags(message.flags, operation.add, operation.remove));
      const entry = { kind: 'flags', action: 'store', targetPath: null, add: operation.add, remove: operation.remove, undoable: true } as const;
      return { ...localEntry(store, entry, messages.map(itemOf)), affected, replay: [] };
    }
    case 'move':
    case 'copy':
      return transfer(store, operation.kind, messages, null, targetFolder(store, operation.folderId));
    case 'archive':
      return archiveLocally(store, messages);
    case 'delete':
      return deleteLocally(store, messages, operation.permanent, released);
    case 'junk':
      return junkLocally(store, messages, operation.junk, released);
  }
}

/**
 * As on a server: the keyword, then into the owner's Junk folder (a POP3 account's, or the Local Folders',
 * made on first use); not junk takes a message in that Junk folder back to its POP3 account's Inbox
 * (the Local Folders have none: there it only loses the keyword).
 */
function junkLocally(store: Store, messages: MessageLocation[], junk: boolean, released: string[]): Applied {
  const flags = applyLocally(store, { kind: 'flags', messageIds: messages.map((message) => message.id), ...junkFlags(junk) }, messages, released);
  const junkFor = ownersFolder(store, LOCAL_JUNK, 'junk');
  const inboxOf = perOwner((owner) => (owner === null ? undefined : store.folders.list(owner).find((folder) => folder.role === 'inbox')));
  const moves = messages
    .map((message) => ({ message, target: junk ? junkFor(message) : message.folderId === junkFor(message).id ? inboxOf(message) : undefined }))
    .filter((move): move is { message: MessageLocation; target: FolderRecord } => move.target !== undefined && move.target.id !== move.message.folderId);
  if (moves.length === 0) return { ...flags, operationIds: [flags.operationId], moved: 0 };
  for (const { message, target } of moves) store.messageChanges.move(message.id, target.id, null);
  const entry = { kind: 'move', action: 'move', targetPath: junk ? LOCAL_JUNK : null, add: [], remove: [], undoable: true } as const;
  const moved = localEntry(store, entry, moves.map(({ message }) => itemOf(message)));
  return { operationId: moved.operationId, operationIds: [flags.operationId, moved.operationId], affected: messages.length, undoable: true, replay: [], moved: moves.length };
}

function junkFlags(junk: boolean): { add: MessageFlag[]; remove: MessageFlag[] } {
  return junk ? { add: ['$Junk'], remove: ['$NotJunk'] } : { add: ['$NotJunk'], remove: ['$Junk'] };
}

/**
 * The keyword first (a STORE where the message is now), then the move: into the account's Junk folder, or
 * for "not junk" out of it into the Inbox (a message elsewhere only takes $NotJunk). Without a Junk
 * folder the keyword is all. Both entries are in the receipt, so one Undo takes both back.
 */
function junkOnServer(store: Store, accountId: number, messages: MessageLocation[], junk: boolean): Applied {
  const { add, remove } = junkFlags(junk);
  const flagsId = journalFlags(store, accountId, 'flags', messages, add, remove);
  const folders = store.folders.list(accountId);
  const junkFolder = folders.find((folder) => folder.role === 'junk');
  const target = junk ? junkFolder : folders.find((folder) => folder.role === 'inbox');
  const moving = junkFolder && target ? messages.filter((message) => (junk ? message.folderId !== junkFolder.id : message.folderId === junkFolder.id)) : [];
  const moveId = moving.length && target ? journalMove(store, accountId, 'move', moving, target) : null;
  const operationIds = moveId === null ? [flagsId] : [flagsId, moveId];
  return { operationId: moveId ?? flagsId, operationIds, affected: messages.length, undoable: true, replay: [accountId], moved: moveId === null ? 0 : moving.length };
}

/** A local message's owner's folder of this role (its POP3 account's, or the Local Folders'), made once when missing. */
function ownersFolder(store: Store, path: string, role: FolderRole): (message: MessageLocation) => FolderRecord {
  return perOwner((owner) => store.folders.ensureLocalFolder(owner, path, role));
}

/** What `find` gives for a local message's owner (its POP3 account, or null: the Local Folders), asked once per owner. */
function perOwner<T>(find: (owner: number | null) => T): (message: MessageLocation) => T {
  const found = new Map<number | null, T>();
  return (message) => {
    if (!found.has(message.accountId)) found.set(message.accountId, find(message.accountId));
    return found.get(message.accountId) as T;
  };
}

/** Local messages go to their owner's Archives (the POP3 account's, or the Local Folders'), made on first use as Thunderbird does. */
function archiveLocally(store: Store, messages: MessageLocation[]): Applied {
  const archiveFor = ownersFolder(store, LOCAL_ARCHIVE, 'archive');
  const moving = messages.filter((message) => message.folderId !== archiveFor(message).id);
  for (const message of moving) store.messageChanges.move(message.id, archiveFor(message).id, null);
  const entry = { kind: 'archive', action: 'move', targetPath: LOCAL_ARCHIVE, add: [], remove: [], undoable: true } as const;
  return { ...localEntry(store, entry, moving.map(itemOf)), affected: messages.length, replay: [] };
}

/**
 * Local messages go to the Trash of their owner (the POP3 account, or the Local Folders), as in
 * Thunderbird, and the move can be undone; what is in that Trash already (or everything, when asked)
 * goes for good, with the files of its sources and parts. Before there was a Trash here, one key press
 * lost a POP3 message for good, and with "download and delete" the server had no copy either.
 */
function deleteLocally(store: Store, messages: MessageLocation[], permanent: boolean, released: string[]): Applied {
  const trashFor = ownersFolder(store, LOCAL_TRASH, 'trash');
  const forGood = messages.filter((message) => permanent || message.folderId === trashFor(message).id);
  const goneForGood = new Set(forGood);
  const toTrash = messages.filter((message) => !goneForGood.has(message));
  for (const message of toTrash) store.messageChanges.move(message.id, trashFor(message).id, null);
  if (forGood.length) {
    released.push(...store.messageChanges.blobsOf(forGood.map((message) => message.id)));
    store.messageChanges.remove(forGood.map((message) => message.id));
  }
  // A move back out of Trash is the undo; what went for good has nothing to come back to.
  const undoable = forGood.length === 0;
  const entry = toTrash.length
    ? ({ kind: 'delete', action: 'move', targetPath: LOCAL_TRASH, add: [], remove: [], undoable } as const)
    : ({ kind: 'delete', action: 'expunge', targetPath: null, add: [], remove: [], undoable: false } as const);
  return { ...localEntry(store, entry, toTrash.map(itemOf)), affected: messages.length, forGood: forGood.length, replay: [] };
}

/** To Trash; what is already in Trash (or everything, when asked) goes for good. */
function deleteMessages(store: Store, accountId: number, messages: MessageLocation[], permanent: boolean): Applied {
  const replay = [accountId];
  const trash = permanent ? null : roleFolder(store, accountId, 'trash');
  const forGood = messages.filter((message) => !trash || message.folderId === trash.id);
  const toTrash = messages.filter((message) => trash && message.folderId !== trash.id);
  const unsent = deleteUnsentDrafts(store, messages, trash);
  const onServer = (list: MessageLocation[]) => list.filter((message) => !unsent.has(message.id));
  const expunged = onServer(forGood).length ? journalExpunge(store, accountId, 'delete', onServer(forGood)) : null;
  const moved = onServer(toTrash).length && trash ? journalMove(store, accountId, 'delete', onServer(toTrash), trash) : null;
  const operationId = moved ?? expunged ?? localEntry(store, { kind: 'delete', action: 'expunge', targetPath: null, add: [], remove: [], undoable: false }, []).operationId;
  return { operationId, affected: messages.length, undoable: expunged === null && unsent.size === 0, forGood: forGood.length, replay };
}

/**
 * Drafts saved offline whose APPEND has not gone yet are on no server: a
 * journaled delete would find nothing there (and fail), while the waiting
 * APPEND would put the draft back in Drafts. Their APPEND follows them to
 * Trash instead, or goes with them for good. Gives their ids.
 */
function deleteUnsentDrafts(store: Store, messages: MessageLocation[], trash: FolderRecord | null): Set<number> {
  const unsent = messages.filter((message) => message.uid === null && store.pendingAppends.has(message.id));
  for (const message of unsent) {
    if (trash && message.folderId !== trash.id) {
      store.messageChanges.move(message.id, trash.id, null);
      store.pendingAppends.retarget(message.id, trash.path);
    } else {
      store.pendingAppends.remove(message.id);
      store.messageChanges.remove([message.id]);
    }
  }
  return new Set(unsent.map((message) => message.id));
}

/** Marks every unread message of a folder read: one entry, one STORE over the folder's UIDs. */
export function markFolderRead(store: Store, folderId: number): Applied {
  return store.write(() => {
    const folder = store.folders.get(folderId);
    if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
    const unread = store.messageChanges.inFolder(folderId, true);
    if (serverOf(folder) === null) {
      for (const message of unread) store.messageChanges.setFlags(message.id, withFlags(message.flags, ['\\Seen'], []));
      const entry = { kind: 'markRead', action: 'store', targetPath: null, add: ['\\Seen'], remove: [], undoable: true } as const;
      return { ...localEntry(store, entry, unread.map(itemOf)), affected: unread.length, replay: [] };
    }
    return { operationId: journalFlags(store, folder.accountId!, 'markRead', unread, ['\\Seen'], []), affected: unread.length, undoable: true, replay: [folder.accountId!] };
  });
}

/** Deletes every message of the Trash or Junk folder for good. */
export function emptyFolder(store: Store, folderId: number): Applied {
  const released: string[] = [];
  const applied = store.write(() => {
    const folder = store.folders.get(folderId);
    if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
    if (folder.role !== 'trash' && folder.role !== 'junk') {
      throw new WrenError('BadRequest', `Only the Trash or Junk folder can be emptied, not ${folder.path}.`, { folderId });
    }
    const messages = store.messageChanges.inFolder(folderId, false);
    const server = serverOf(folder);
    if (server === null) return deleteLocally(store, messages, true, released);
    return { operationId: journalExpunge(store, server, 'empty', messages), affected: messages.length, undoable: false, replay: [server] };
  });
  releaseBlobs(store, released);
  return applied;
}

function locateAll(store: Store, ids: number[]): MessageLocation[] {
  const messages = store.messageChanges.locate([...new Set(ids)]);
  const missing = ids.filter((id) => !messages.some((message) => message.id === id));
  if (missing.length) throw new WrenError('NotFound', `There is no message ${missing.join(', ')}.`, { messageIds: missing });
  return messages;
}

/** The one server the messages are on, or null when they are all in local folders. */
function oneSide(messages: MessageLocation[]): number | null {
  const sides = new Set(messages.map((message) => message.serverAccountId));
  if (sides.size !== 1) {
    throw new WrenError('BadRequest', 'An operation takes messages of one account (or of the local folders) at a time.', { accounts: [...sides] });
  }
  return [...sides][0]!;
}

/** Any folder that holds mail: of this account, of another one, or local. */
function targetFolder(store: Store, folderId: number): FolderRecord {
  const folder = store.folders.get(folderId);
  if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
  if (!folder.selectable) throw new WrenError('BadRequest', `The folder ${folder.path} cannot hold messages.`, { folderId });
  return folder;
}

function roleFolder(store: Store, accountId: number, role: FolderRole): FolderRecord {
  const folder = store.folders.list(accountId).find((candidate) => candidate.role === role);
  if (!folder) throw new WrenError('NotFound', `This account has no ${role} folder.`, { accountId, role });
  return folder;
}
