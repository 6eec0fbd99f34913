import { useState } from 'react';
import type { FolderRole, MailOperationInput, MessageFlag, MessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import type { ShortcutAction } from '../../shortcuts/shortcut-keys';
import { useCompose, type ComposeRequest } from '../Composer/compose-context';
import { useToasts } from '../Toasts/toast-context';
import { printOpenMessage } from '../ReadingPane/print-message';

/** The keys a message window answers; the others belong to a list it does not have. */
export const MESSAGE_WINDOW_SHORTCUTS: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>([
  'reply', 'replyAll', 'replyList', 'forward', 'forwardAttachment', 'delete', 'archive', 'toggleFlag', 'markRead', 'markUnread', 'toggleRead', 'undo', 'find', 'print', 'saveAs', 'help', 'compose',
]);

export interface OpenedMessageCommands {
  write(mode: ComposeRequest['mode']): void;
  /** To Trash; in Trash, for good once the user confirms (askForGood is then set). */
  remove(): void;
  archive(): void;
  setSeen(seen: boolean): void;
  setFlagged(flagged: boolean): void;
  print(): void;
  saveAs(): void;
  /** Set while "delete for good?" waits for the user's answer. */
  askForGood: { confirm(): void; cancel(): void } | null;
  runShortcut(action: ShortcutAction): boolean | void;
}

/**
 * What a message window does to its message: answers and forwards in its own
 * composer, flags at once, and, as Thunderbird's message window does, closes
 * once the message was deleted or archived (from Trash or the Archive it can
 * be moved back). A window the browser will not let a script close says where
 * the message went instead.
 */
export function useOpenedMessageCommands(message: MessageSummary, folderRole: FolderRole | null, onLeft: (how: 'deleted' | 'archived') => void, openFind: () => void, openHelp: () => void): OpenedMessageCommands {
  const client = useClient();
  const toasts = useToasts();
  const { compose } = useCompose();
  const [askingForGood, setAskingForGood] = useState(false);
  const showError = (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] });
  const apply = (operation: MailOperationInput) => client.request('messages.apply', operation);
  const leave = (operation: MailOperationInput, how: 'deleted' | 'archived') =>
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
    askForGood: askingForGood
      ? { confirm: () => void leave({ kind: 'delete', messageIds: [message.id], permanent: true }, 'deleted'), cancel: () => setAskingForGood(false) }
      : null,
  };
  const handlers: Partial<Record<ShortcutAction, () => boolean | void>> = {
    reply: () => commands.write('reply'),
    replyAll: () => commands.write('replyAll'),
    replyList: () => commands.write('replyList'),
    forward: () => commands.write('forward'),
    forwardAttachment: () => commands.write('forwardAttachment'),
    compose: () => compose({ mode: 'new' }),
    delete: commands.remove,
    archive: commands.archive,
    toggleFlag: () => commands.setFlagged(!message.flagged),
    markRead: () => commands.setSeen(true),
    markUnread: () => commands.setSeen(false),
    toggleRead: () => commands.setSeen(!message.seen),
    undo: () => toasts.undoLatest(),
    find: openFind,
    print: commands.print,
    saveAs: commands.saveAs,
    help: openHelp,
  };
  return { ...commands, runShortcut: (action) => (handlers[action] ? handlers[action]!() : false) };
}
