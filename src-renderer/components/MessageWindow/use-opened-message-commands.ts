import { useState } from 'react';
import type { FolderRole, FolderView, MailOperationInput, MessageFlag, MessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import type { ShortcutAction } from '../../shortcuts/shortcut-keys';
import { useCompose, type ComposeRequest } from '../Composer/compose-context';
import { useToasts } from '../Toasts/toast-context';
import { useUndoOperation } from '../Toasts/use-undo-operation';
import { printOpenMessage } from '../ReadingPane/print-message';
import type { ToastLine } from '../Toasts/toast-line';
import { useMessageNeighbours } from './use-message-neighbours';
import { useIgnoreThread } from '../IgnoredThread/use-ignore-thread';

/** The keys a message window answers; the others belong to a list it does not have. */
const WINDOW_ACTIONS = [
  'next', 'previous', 'nextUnread', 'previousUnread', 'reply', 'replyAll', 'replyList', 'forward', 'forwardAttachment', 'delete', 'archive', 'move', 'copy', 'toggleFlag', 'markRead', 'markUnread', 'toggleRead', 'ignoreThread', 'undo', 'find', 'print', 'saveAs', 'help', 'compose',
] as const satisfies readonly ShortcutAction[];
type WindowAction = (typeof WINDOW_ACTIONS)[number];
export const MESSAGE_WINDOW_SHORTCUTS: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>(WINDOW_ACTIONS);

/** How the message left the window: it then closes, or says so. */
export type LeftHow = 'deleted' | 'archived' | 'moved';

interface OpenedMessageSources {
  message: MessageSummary;
  /** Its account (null: the Local Folders), which a new message is written from. */
  accountId: number | null;
  folderRole: FolderRole | null;
  onLeft(how: LeftHow): void;
  /** Shows another message of the folder in this window (Next, Previous, or the one after a message that left). */
  onGo(messageId: number): void;
  openFind(): void;
  openHelp(): void;
}

export interface OpenedMessageCommands {
  /** The next or previous message of the folder (unread ones alone with `unread`); a toast says when there is none. */
  go(direction: 'next' | 'previous', unread?: boolean): void;
  write(mode: ComposeRequest['mode']): void;
  /** To Trash; in Trash, for good once the user confirms (askForGood is then set). */
  remove(): void;
  archive(): void;
  setSeen(seen: boolean): void;
  setFlagged(flagged: boolean): void;
  print(): void;
  saveAs(): void;
  /** Opens the folder picker for Move to… or Copy to…. */
  pick(kind: 'move' | 'copy'): void;
  /** Set while the folder picker is open: where the message goes once a folder is chosen. */
  picking: { kind: 'move' | 'copy'; choose(folder: FolderView): void; cancel(): void } | null;
  /** Set while "delete for good?" waits for the user's answer. */
  askForGood: { confirm(): void; cancel(): void } | null;
  runShortcut(action: ShortcutAction, key: string): boolean | void;
}

/**
 * What a message window does to its message: answers and forwards in its own
 * composer, flags at once, goes to the folder's next or previous message, and,
 * as Thunderbird's message window does, shows the next message once this one
 * was deleted, archived or moved (with Undo in a toast), or closes when none is
 * left or the user asked it to (closeMessageWindowOnMove). A window the browser
 * will not let a script close says where the message went instead.
 */
export function useOpenedMessageCommands({ message, accountId, folderRole, onLeft, onGo, openFind, openHelp }: OpenedMessageSources): OpenedMessageCommands {
  const client = useClient();
  const toasts = useToasts();
  const ignoreThread = useIgnoreThread();
  const { compose } = useCompose();
  const [askingForGood, setAskingForGood] = useState(false);
  const [picker, setPicker] = useState<'move' | 'copy' | null>(null);
  const neighbours = useMessageNeighbours(message.id);
  const showError = (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] });
  const apply = (operation: MailOperationInput) => client.request('messages.apply', operation);
  const undo = useUndoOperation();
  // Its Undo deletes the copy (the message shown stays).
  const copyTo = (folder: FolderView) =>
    apply({ kind: 'copy', messageIds: [message.id], folderId: folder.id }).then(
      (receipt) => toasts.show({
        tone: 'info', lines: [{ key: 'done.copy.one', values: { count: 1, folder: '' }, folder }], undo: receipt.undoable ? () => undo(receipt.operationId) : undefined,
      }),
      showError,
    );
  const leave = async (operation: MailOperationInput, how: LeftHow, folder?: FolderView) => {
    const next = await neighbours.afterLeaving();
    const receipt = await apply(operation).catch((error: unknown) => void showError(error));
    if (!receipt) return;
    if (next === null) {
      window.close();
      onLeft(how);
      return;
    }
    toasts.show({ tone: 'info', lines: [leftWords(operation, how, folder)], undo: receipt.undoable ? () => undo(receipt.operationId) : undefined });
    onGo(next);
  };
  const go = (direction: 'next' | 'previous', unread = false) =>
    void neighbours.find(direction, unread).then((found) => {
      if (found !== null) onGo(found);
      else toasts.show({ tone: 'info', lines: [{ key: NONE_THAT_WAY[direction][unread ? 'unread' : 'any'] }] });
    }, showError);
  const flags = (add: MessageFlag[], remove: MessageFlag[]) =>
    void apply({ kind: 'flags', messageIds: [message.id], add, remove }).catch(showError);

  const commands = {
    go,
    write: (mode: ComposeRequest['mode']) => compose({ mode, messageId: message.id }),
    remove: () => (folderRole === 'trash' ? setAskingForGood(true) : void leave({ kind: 'delete', messageIds: [message.id] }, 'deleted')),
    archive: () => void leave({ kind: 'archive', messageIds: [message.id] }, 'archived'),
    setSeen: (seen: boolean) => (seen ? flags(['\\Seen'], []) : flags([], ['\\Seen'])),
    setFlagged: (flagged: boolean) => (flagged ? flags(['\\Flagged'], []) : flags([], ['\\Flagged'])),
    print: () => printOpenMessage(),
    // Downloaded first when not cached: offline, that fails, and says so.
    saveAs: () => void client.saveMessage(message.id).catch(showError),
    pick: setPicker,
    picking: picker
      ? {
          kind: picker,
          choose: (folder: FolderView) => {
            setPicker(null);
            if (picker === 'copy') void copyTo(folder);
            else if (folder.id !== message.folderId) void leave({ kind: 'move', messageIds: [message.id], folderId: folder.id }, 'moved', folder);
          },
          cancel: () => setPicker(null),
        }
      : null,
    askForGood: askingForGood
      ? { confirm: () => void leave({ kind: 'delete', messageIds: [message.id], permanent: true }, 'deleted'), cancel: () => setAskingForGood(false) }
      : null,
  };
  const handlers = shortcutHandlers(commands, message, {
    newMessage: () => compose({ mode: 'new', accountId: accountId ?? undefined }), undo: toasts.undoLatest, openFind, openHelp,
    toggleIgnored: () => ignoreThread.toggle(message.id),
  });
  return {
    ...commands,
    // The arrows scroll the message here (the window has no list to move in); j, k, n and p go through the folder.
    runShortcut: (action, key) => (isWindowAction(action) && !(ARROWS.has(key) && MOVES.has(action)) ? handlers[action]() : false),
  };
}

const ARROWS = new Set(['ArrowDown', 'ArrowUp']);
const MOVES = new Set<ShortcutAction>(['next', 'previous']);

const NONE_THAT_WAY = {
  next: { any: 'messageWindow.noNext', unread: 'messageWindow.noNextUnread' },
  previous: { any: 'messageWindow.noPrevious', unread: 'messageWindow.noPreviousUnread' },
} as const;

/** What the toast says of a message that left while the window went on to the next. */
function leftWords(operation: MailOperationInput, how: LeftHow, folder?: FolderView): ToastLine {
  if (how === 'archived') return { key: 'done.archive.one', values: { count: 1 } };
  if (how === 'moved') return { key: 'done.move.one', values: { count: 1, folder: '' }, folder };
  return { key: operation.kind === 'delete' && operation.permanent ? 'done.deleteForever.one' : 'done.delete.one', values: { count: 1 } };
}

/** What each key of the window does: one handler for each of WINDOW_ACTIONS, which the type holds to, so the two cannot drift. */
function shortcutHandlers(
  commands: Omit<OpenedMessageCommands, 'runShortcut'>,
  message: MessageSummary,
  here: { newMessage(): void; undo(): void; openFind(): void; openHelp(): void; toggleIgnored(): void },
): Record<WindowAction, () => boolean | void> {
  return {
    next: () => commands.go('next'),
    previous: () => commands.go('previous'),
    nextUnread: () => commands.go('next', true),
    previousUnread: () => commands.go('previous', true),
    reply: () => commands.write('reply'),
    replyAll: () => commands.write('replyAll'),
    replyList: () => commands.write('replyList'),
    forward: () => commands.write('forward'),
    forwardAttachment: () => commands.write('forwardAttachment'),
    compose: here.newMessage,
    delete: commands.remove,
    archive: commands.archive,
    move: () => commands.pick('move'),
    copy: () => commands.pick('copy'),
    toggleFlag: () => commands.setFlagged(!message.flagged),
    markRead: () => commands.setSeen(true),
    markUnread: () => commands.setSeen(false),
    toggleRead: () => commands.setSeen(!message.seen),
    ignoreThread: here.toggleIgnored,
    undo: here.undo,
    find: here.openFind,
    print: commands.print,
    saveAs: commands.saveAs,
    help: here.openHelp,
  };
}

function isWindowAction(action: ShortcutAction): action is WindowAction {
  return MESSAGE_WINDOW_SHORTCUTS.has(action);
}
