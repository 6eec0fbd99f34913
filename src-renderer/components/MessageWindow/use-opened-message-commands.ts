import { useState } from 'react';
import type { FolderRole, FolderView, MailOperationInput, MessageFlag, MessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import type { ShortcutAction } from '../../shortcuts/shortcut-keys';
import { useCompose, type ComposeRequest } from '../Composer/compose-context';
import { useToasts } from '../Toasts/toast-context';
import { printOpenMessage } from '../ReadingPane/print-message';

/** The keys a message window answers; the others belong to a list it does not have. */
const WINDOW_ACTIONS = [
  'reply', 'replyAll', 'replyList', 'forward', 'forwardAttachment', 'delete', 'archive', 'move', 'copy', 'toggleFlag', 'markRead', 'markUnread', 'toggleRead', 'undo', 'find', 'print', 'saveAs', 'help', 'compose',
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
  openFind(): void;
  openHelp(): void;
}

export interface OpenedMessageCommands {
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
  runShortcut(action: ShortcutAction): boolean | void;
}

/**
 * What a message window does to its message: answers and forwards in its own
 * composer, flags at once, and, as Thunderbird's message window does, closes
 * once the message was deleted, archived or moved (from Trash or the Archive
 * it can be moved back). A window the browser will not let a script close says where
 * the message went instead.
 */
export function useOpenedMessageCommands({ message, accountId, folderRole, onLeft, openFind, openHelp }: OpenedMessageSources): OpenedMessageCommands {
  const client = useClient();
  const toasts = useToasts();
  const { compose } = useCompose();
  const [askingForGood, setAskingForGood] = useState(false);
  const [picker, setPicker] = useState<'move' | 'copy' | null>(null);
  const showError = (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] });
  const apply = (operation: MailOperationInput) => client.request('messages.apply', operation);
  const copyTo = (folder: FolderView) =>
    apply({ kind: 'copy', messageIds: [message.id], folderId: folder.id }).then(
      () => toasts.show({ tone: 'info', lines: [{ key: 'done.copy.one', values: { count: 1, folder: '' }, folder }] }),
      showError,
    );
  const leave = (operation: MailOperationInput, how: LeftHow) =>
    apply(operation).then(() => {
      window.close();
      onLeft(how);
    }, showError);
  const flags = (add: MessageFlag[], remove: MessageFlag[]) =>
    void apply({ kind: 'flags', messageIds: [message.id], add, remove }).catch(showError);

  const commands = {
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
            else if (folder.id !== message.folderId) void leave({ kind: 'move', messageIds: [message.id], folderId: folder.id }, 'moved');
          },
          cancel: () => setPicker(null),
        }
      : null,
    askForGood: askingForGood
      ? { confirm: () => void leave({ kind: 'delete', messageIds: [message.id], permanent: true }, 'deleted'), cancel: () => setAskingForGood(false) }
      : null,
  };
  const handlers = shortcutHandlers(commands, message, { newMessage: () => compose({ mode: 'new', accountId: accountId ?? undefined }), undo: toasts.undoLatest, openFind, openHelp });
  // A key of a list the window does not have (next message…) keeps its usual meaning.
  return { ...commands, runShortcut: (action) => (isWindowAction(action) ? handlers[action]() : false) };
}

/** What each key of the window does: one handler for each of WINDOW_ACTIONS, which the type holds to, so the two cannot drift. */
function shortcutHandlers(
  commands: Omit<OpenedMessageCommands, 'runShortcut'>,
  message: MessageSummary,
  here: { newMessage(): void; undo(): boolean; openFind(): void; openHelp(): void },
): Record<WindowAction, () => boolean | void> {
  return {
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
