import { useCallback, useRef } from 'react';
import { MESSAGE_TAGS, type FolderView, type MailOperationInput, type MessageFlag, type MessageSummary, type MessageTag, type OperationReceipt, type ViewMessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import type { StringKey } from '../../i18n/en';
import type { MessagePages } from '../MessageList/message-pages';
import { useToasts } from '../Toasts/toast-context';
import { useUndoOperation } from '../Toasts/use-undo-operation';
import type { ToastLine } from '../Toasts/toast-line';
import type { MessageSelection } from './use-message-selection';
import { combineReceipts, splitByAccount } from './split-by-account';
import { deleteLines, deleteOperations, type DeletePlan } from './delete-plan';
import { neighbourOf } from './neighbour-row';

/**
 * What a user can do to the selected messages (toolbar, shortcuts), or to the messages given by `ids` (drag and drop,
 * a row's context menu, which acts on the row right-clicked without selecting it).
 */
export interface MessageActions {
  /** Each message by its own folder (see delete-plan.ts); the Trash part once the user confirmed it. */
  remove(plan: DeletePlan): void;
  archive(ids?: number[]): void;
  moveTo(target: FolderView, ids?: number[]): void;
  copyTo(target: FolderView, ids?: number[]): void;
  setSeen(seen: boolean, ids?: number[]): void;
  toggleSeen(): void;
  setFlagged(flagged: boolean, ids?: number[]): void;
  toggleFlagged(): void;
  /** Thunderbird's way: on all of them when one lacks it, else off all of them. */
  toggleTag(tag: MessageTag, ids?: number[]): void;
  removeTags(ids?: number[]): void;
  setJunk(junk: boolean, ids?: number[]): void;
  markFolderRead(folder: FolderView): void;
  /** Thunderbird's Mark ▸ Thread as Read: the unread messages of the message's conversation, in every folder of its account. */
  markThreadRead(messageId: number): void;
  /** Thunderbird's Run Junk Mail Controls: the junk filter over every message of the folder. */
  runJunkControls(folder: FolderView): void;
  emptyFolder(folder: FolderView): void;
  undo(operationId: number): void;
}

type CountedKey = 'done.archive' | 'done.move' | 'done.copy' | 'done.read' | 'done.unread' | 'done.junk' | 'done.junkMoved' | 'done.notJunk' | 'done.notJunkMoved' | 'done.junkRun';
/** A toast's words, or how to choose them from what the core did. */
type Words = ToastLine | ((receipt: OperationReceipt) => ToastLine);

/** What follows a toast's Undo once the core took the action back (the message that left selected again). */
type AfterUndo = () => void;

/**
 * Every action goes through `messages.apply`: the core changes the store at
 * once (the list follows its change event) and journals the change for the
 * server. What was done shows in a toast, with Undo when the core can take it back.
 */
export function useMessageActions(folder: FolderView | null, pages: MessagePages | null, selection: MessageSelection): MessageActions {
  const client = useClient();
  const toasts = useToasts();

  const counted = useCallback(
    (key: CountedKey, count: number, folder?: FolderView): ToastLine => ({ key: `${key}.${count === 1 ? 'one' : 'other'}` as StringKey, values: { count, folder: '' }, folder }),
    [],
  );
  const showError = useCallback((error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] }), [toasts]);

  const undo = useUndoOperation();
  const undoAll = useCallback(
    (operationIds: number[], afterUndo?: AfterUndo) => () =>
      void Promise.all(operationIds.map(undo)).then((undone) => undone.every(Boolean) && afterUndo?.()),
    [undo],
  );
  // An Undo clicked later acts on the list as it is then, not as it was when the action was taken.
  const now = useRef({ folderId: folder?.id, selection });
  now.current = { folderId: folder?.id, selection };

  const report = useCallback(
    (request: Promise<OperationReceipt & { operationIds?: number[] }>, words: Words, afterUndo?: AfterUndo) =>
      request.then(
        (receipt) => {
          const ids = receipt.operationIds ?? [receipt.operationId];
          toasts.show({ tone: 'info', lines: [typeof words === 'function' ? words(receipt) : words], undo: receipt.undoable ? undoAll(ids, afterUndo) : undefined });
        },
        (error: unknown) => {
          showError(error);
          throw error;
        },
      ),
    [toasts, undoAll, showError],
  );

  const run = useCallback(
    (operation: MailOperationInput, words: Words | null, afterUndo?: AfterUndo) => {
      // A unified view's selection may hold several accounts' messages: one operation each.
      const parts = splitByAccount(operation, (id) => pages?.byId(id) as ViewMessageSummary | undefined);
      const request =
        parts.length === 1
          ? client.request('messages.apply', operation)
          : Promise.all(parts.map((part) => client.request('messages.apply', part))).then(combineReceipts);
      if (words === null) request.catch(showError);
      else report(request, words, afterUndo).catch(() => undefined);
      return request;
    },
    [client, report, showError, pages],
  );

  /**
   * Moving mail out of the list selects the message after it, as Thunderbird does; its Undo selects what
   * left again, the message that was open open again (while the user is still in that folder).
   */
  const leaving = useCallback(
    (ids: number[], send: (afterUndo: AfterUndo) => Promise<unknown>) => {
      // The whole selection leaves (with a collapsed thread's hidden replies besides): the next row is selected.
      const leavingIds = new Set(ids);
      const wholeSelection = selection.ids.size > 0 && [...selection.ids].every((id) => leavingIds.has(id));
      const next = wholeSelection && pages ? neighbourOf(pages, leavingIds) : undefined;
      const focus = selection.focusId === null ? undefined : (selection.single ?? pages?.byId(selection.focusId));
      const again = wholeSelection && focus ? { ids: [...selection.ids], focus } : null;
      const from = folder?.id;
      const reopen = () => again && now.current.folderId === from && now.current.selection.selectAgain(again.ids, again.focus);
      send(reopen).then(() => next !== undefined && selection.selectOnly(next), () => undefined);
    },
    [pages, selection, folder?.id],
  );

  /** A delete may be two parts (for good, to Trash) and several accounts: the toast says what each came to; Undo takes back what can be. */
  const sendDelete = useCallback(
    (plan: DeletePlan, afterUndo?: AfterUndo) => {
      const rowOf = (id: number) => pages?.byId(id) as ViewMessageSummary | undefined;
      const operations = deleteOperations(plan).flatMap((operation) => splitByAccount(operation, rowOf));
      const request = Promise.all(operations.map((operation) => client.request('messages.apply', operation)));
      request.then((receipts) => {
        const undoable = receipts.filter((receipt) => receipt.undoable).map((receipt) => receipt.operationId);
        toasts.show({ tone: 'info', lines: deleteLines(receipts), undo: undoable.length ? undoAll(undoable, afterUndo) : undefined });
      }, showError);
      return request;
    },
    [client, pages, toasts, undoAll, showError],
  );

  const chosen = useCallback((ids?: number[]) => ids ?? pages?.withThreads(selection.ids) ?? [...selection.ids], [selection.ids, pages]);
  const flags = useCallback(
    (add: MessageFlag[], remove: MessageFlag[], key: CountedKey | null, ids?: number[]) => {
      const messageIds = chosen(ids);
      if (messageIds.length === 0) return;
      run({ kind: 'flags', messageIds, add, remove }, key && counted(key, messageIds.length));
    },
    [chosen, counted, run],
  );
  const anyRow = (test: (row: MessageSummary) => boolean, ids?: number[]) =>
    (ids ? ids.flatMap((id) => pages?.byId(id) ?? []) : selection.selectedRows()).some(test);

  return {
    remove: (plan) => {
      const messageIds = [...plan.forGood, ...plan.toTrash];
      if (messageIds.length > 0) leaving(messageIds, (afterUndo) => sendDelete(plan, afterUndo));
    },
    archive: (ids) => {
      const messageIds = chosen(ids);
      if (messageIds.length > 0) leaving(messageIds, (afterUndo) => run({ kind: 'archive', messageIds }, counted('done.archive', messageIds.length), afterUndo));
    },
    moveTo: (target, ids) => {
      const messageIds = chosen(ids);
      if (messageIds.length > 0 && target.id !== folder?.id) {
        leaving(messageIds, (afterUndo) => run({ kind: 'move', messageIds, folderId: target.id }, counted('done.move', messageIds.length, target), afterUndo));
      }
    },
    copyTo: (target, ids) => {
      const messageIds = chosen(ids);
      if (messageIds.length > 0) run({ kind: 'copy', messageIds, folderId: target.id }, counted('done.copy', messageIds.length, target));
    },
    setSeen: (seen, ids) => (seen ? flags(['\\Seen'], [], 'done.read', ids) : flags([], ['\\Seen'], 'done.unread', ids)),
    toggleSeen: () => (anyRow((row) => !row.seen) ? flags(['\\Seen'], [], 'done.read') : flags([], ['\\Seen'], 'done.unread')),
    setFlagged: (flagged, ids) => (flagged ? flags(['\\Flagged'], [], null, ids) : flags([], ['\\Flagged'], null, ids)),
    toggleFlagged: () => (anyRow((row) => !row.flagged) ? flags(['\\Flagged'], [], null) : flags([], ['\\Flagged'], null)),
    toggleTag: (tag, ids) => (anyRow((row) => !row.tags?.includes(tag), ids) ? flags([tag], [], null, ids) : flags([], [tag], null, ids)),
    removeTags: (ids) => flags([], [...MESSAGE_TAGS], null, ids),
    setJunk: (junk, ids) => {
      const messageIds = chosen(ids);
      if (messageIds.length === 0) return;
      // Only the core knows whether the mark moved them (an account without a Junk folder only takes the keyword).
      const words = (receipt: OperationReceipt) => counted(junk ? (receipt.moved ? 'done.junkMoved' : 'done.junk') : receipt.moved ? 'done.notJunkMoved' : 'done.notJunk', messageIds.length);
      const send = (afterUndo?: AfterUndo) => run({ kind: 'junk', messageIds, junk }, words, afterUndo);
      // Junk leaves for the Junk folder; "not junk" leaves the Junk folder for the Inbox (elsewhere it only takes the keyword).
      if (junk ? folder?.role !== 'junk' : folder?.role === 'junk') leaving(messageIds, send);
      else send();
    },
    markThreadRead: (messageId) => {
      client.request('messages.markThreadRead', { messageId }).then(({ markedRead, operationId }) => {
        if (operationId === null) toasts.show({ tone: 'info', lines: [{ key: 'thread.allRead' }] });
        else toasts.show({ tone: 'info', lines: [counted('done.read', markedRead)], undo: () => undo(operationId) });
      }, showError);
    },
    markFolderRead: (target) => {
      report(client.request('folders.markRead', { folderId: target.id }), { key: 'done.folderRead', folder: target }).catch(() => undefined);
    },
    runJunkControls: (target) => {
      client.request('junk.runOnFolder', { folderId: target.id }).then((result) => {
        const line: ToastLine = result.examined === 0 ? { key: 'done.junkUntrained' } : { ...counted('done.junkRun', result.examined, target), values: { count: result.examined, junk: result.junk } };
        toasts.show({ tone: 'info', lines: [line] });
      }, showError);
    },
    emptyFolder: (target) => {
      report(client.request('folders.empty', { folderId: target.id }), { key: 'done.emptied', folder: target }).catch(() => undefined);
    },
    undo,
  };
}
