import { pageThroughMessage } from '../ReadingPane/page-through';
import type { FolderView, MessageSummary, ThreadPlace } from '../../../src-main/ipc/contract';
import type { ShortcutAction } from '../../shortcuts/shortcut-keys';
import type { MessageCommands } from '../MessageToolbar/message-commands';
import type { MessagePages } from '../MessageList/message-pages';
import { QUICK_FILTER_TEXT_ID } from '../MessageList/list-filter-control';
import { gathersFolders, isTemplatesFolder, rowFolderRole } from '../MessageList/row-folder-role';
import { useToasts } from '../Toasts/toast-context';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import type { MailOverlays } from './use-mail-overlays';
import type { MessageActions } from './use-message-actions';
import type { MessageSelection } from './use-message-selection';
import type { FolderAdvance } from './use-folder-advance';
import { planDelete } from './delete-plan';
import { printOpenMessage } from '../ReadingPane/print-message';
import { tagOfNumber } from '../TagChips';
import type { ComposeRequest } from '../Composer/compose-context';
import { useIgnoreThread } from '../IgnoredThread/use-ignore-thread';

interface CommandSources {
  folder: FolderView | null;
  pages: MessagePages | null;
  selection: MessageSelection;
  actions: MessageActions;
  overlays: MailOverlays;
  compose(request: ComposeRequest): void;
  focusSearch(): void;
  openAddressBook(): void;
  /** Opens (or focuses) the reading pane's Find in This Message. */
  openFind(): void;
  /** Past the last unread message of the list: the next folder with unread mail, offered, then gone to. */
  advance: FolderAdvance;
  nextFolder(): FolderView | null;
  /** Whether the message pane shows (View ▸ Layout ▸ Message Pane); hidden, opening a message opens its own window. */
  messagePaneShown: boolean;
  toggleMessagePane(): void;
  openInWindow(message: MessageSummary): void;
}

/** The commands on the selection (toolbar, menu) and what each shortcut does. */
export function useMailCommands(sources: CommandSources) {
  const { folder, pages, selection, actions, overlays, compose, focusSearch, openAddressBook, openFind, advance, nextFolder } = sources;
  const toasts = useToasts();
  const client = useClient();
  const ignoreThread = useIgnoreThread();
  // A message not cached is downloaded first: offline, that fails, and says so.
  const saveMessage = (messageId: number) => {
    client.saveMessage(messageId).catch((error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] }));
  };
  // On the selection (toolbar, shortcuts), or on the messages a context menu opened over (with a collapsed thread's
  // hidden replies, as the selection's are), leaving the selection as it is.
  const commandsOn = (shown?: number[]): MessageCommands => {
    const ids = shown && (pages?.withThreads(shown) ?? shown);
    return {
      // Decided per message by its own folder (search results and unified views mix folders): what is in Trash
      // already goes for good, so it is asked first; the rest goes to Trash and can be undone.
      delete: () => {
        const plan = planDelete(ids ?? pages?.withThreads(selection.ids) ?? [...selection.ids], folder, (id) => pages?.byId(id));
        if (plan.forGood.length > 0) overlays.setDeleteForever(plan);
        else actions.remove(plan);
      },
      archive: () => actions.archive(ids),
      move: () => overlays.setPicker({ kind: 'move', ids }),
      copy: () => overlays.setPicker({ kind: 'copy', ids }),
      setSeen: (seen) => actions.setSeen(seen, ids),
      setFlagged: (flagged) => actions.setFlagged(flagged, ids),
      setJunk: (junk) => actions.setJunk(junk, ids),
    };
  };
  const commands = commandsOn();

  // Answers and forwards start from the one open message.
  const answer = (mode: ComposeRequest['mode']) => () => {
    if (!selection.single) return false;
    compose({ mode, messageId: selection.single.id });
  };
  // Opening a draft (Enter, o, a double click) means going on writing it, and a template writing a new message from it,
  // as in Thunderbird.
  // True when it did (the message was one to write from).
  const editIfDraft = (message: MessageSummary): boolean => {
    if (folder && rowFolderRole(folder, message) === 'drafts') compose({ mode: 'editDraft', messageId: message.id });
    else if (isTemplatesFolder(folder)) compose({ mode: 'editAsNew', messageId: message.id });
    else return false;
    return true;
  };
  const threadOfFocus = (run: (thread: ThreadPlace) => void) => {
    const thread = selection.focusId === null ? undefined : pages?.byId(selection.focusId)?.thread;
    if (!thread || thread.size < 2) return false;
    run(thread);
  };
  // Thunderbird's Collapse All / Expand All Threads: the folder's list at once (kept in the settings, as every
  // thread fold is, by useMessagePages). The focus moves up to its thread's first message, the row that stays.
  const foldAllThreads = (collapsed: boolean) => {
    if (!pages?.threaded || !folder) return false;
    const focused = selection.focusId === null ? undefined : pages.byId(selection.focusId);
    const root = collapsed && focused?.thread ? pages.byId(focused.thread.rootId) : undefined;
    if (root && root.id !== focused?.id) selection.selectOnly(root);
    pages.setAllThreadsCollapsed(collapsed);
    return true;
  };
  // None further: said, as Thunderbird does; going down, it offers the next folder with unread mail, which the same
  // key again opens (a search or a unified view has no next folder).
  const unreadOrSay = async (delta: 1 | -1) => {
    if (delta === 1 && advance.accept()) return;
    if (await selection.stepToUnread(delta)) return;
    if (delta === 1) advance.offer(folder && !gathersFolders(folder) ? nextFolder() : null);
    else toasts.show({ tone: 'info', lines: [{ key: 'shortcuts.noUnreadAbove' }] });
  };
  const onSelection = (run: () => void) => () => {
    if (selection.count === 0) return false;
    run();
  };
  // `key`: the key pressed, for the actions on several keys (the tags' 1 to 5).
  const handlers: Record<ShortcutAction, (key?: string) => boolean | void> = {
    next: () => (pages ? void selection.step(1, false) : false),
    previous: () => (pages ? void selection.step(-1, false) : false),
    nextUnread: () => (pages ? void unreadOrSay(1) : false),
    previousUnread: () => (pages ? void unreadOrSay(-1) : false),
    // A page down the open message, and past its end the next unread one; with none open, the next unread.
    pageDown: () => (pages ? void (pageThroughMessage(1) || unreadOrSay(1)) : false),
    // Up only: at the top the key keeps the page's own meaning.
    pageUp: () => pageThroughMessage(-1),
    extendNext: () => (pages ? void selection.step(1, true) : false),
    extendPrevious: () => (pages ? void selection.step(-1, true) : false),
    open: () => {
      const focused = selection.focusId === null ? undefined : pages?.byId(selection.focusId);
      if (!focused) return false;
      selection.selectOnly(focused);
      // With no message pane, Enter opens the message where it can be read, as Thunderbird's does.
      if (!editIfDraft(focused) && !sources.messagePaneShown) sources.openInWindow(focused);
    },
    messagePane: sources.toggleMessagePane,
    selectAll: () => (pages ? void selection.selectAll() : false),
    clearSelection: onSelection(() => selection.selectOnly(null)),
    delete: onSelection(commands.delete),
    archive: onSelection(commands.archive),
    move: onSelection(commands.move),
    copy: onSelection(commands.copy),
    toggleFlag: onSelection(actions.toggleFlagged),
    markRead: onSelection(() => actions.setSeen(true)),
    markUnread: onSelection(() => actions.setSeen(false)),
    toggleRead: onSelection(actions.toggleSeen),
    // The toolbar's Junk and Not junk: the same command, so the same move and the same toast.
    junk: onSelection(() => commands.setJunk(true)),
    notJunk: onSelection(() => commands.setJunk(false)),
    // On one message, as Thunderbird's K: its thread ignored, or watched again when it is (the list shows it on request).
    ignoreThread: () => (selection.single ? ignoreThread.toggle(selection.single.id) : false),
    // A unified view or search results is no folder: Shift+C there does nothing (the key keeps its usual meaning).
    markFolderRead: () => (folder && !gathersFolders(folder) ? actions.markFolderRead(folder) : false),
    undo: () => toasts.undoLatest(),
    help: () => overlays.setHelp(true),
    addressBook: openAddressBook,
    search: focusSearch,
    quickFilter: () => {
      const box = document.getElementById(QUICK_FILTER_TEXT_ID);
      if (!box) return false;
      box.focus();
    },
    // Only one open message prints; otherwise the key keeps the browser's meaning (the whole page).
    print: () => (selection.single ? printOpenMessage() : false),
    // Likewise, with no one message open Ctrl+S keeps the browser's meaning.
    saveAs: () => (selection.single ? saveMessage(selection.single.id) : false),
    // And Ctrl+F the browser's find in the page.
    find: () => (selection.single ? openFind() : false),
    tag: (key) => {
      const tag = tagOfNumber(Number(key));
      return tag && selection.count > 0 ? actions.toggleTag(tag) : false;
    },
    untag: onSelection(actions.removeTags),
    // In threads, as in Thunderbird: ← collapses the thread of the focused row, → expands it.
    // The focus moves up to the thread's first message, the row that stays, so → expands it again.
    collapseThread: () =>
      threadOfFocus((thread) => {
        const root = pages!.byId(thread.rootId);
        if (root && root.id !== selection.focusId) selection.selectOnly(root);
        pages!.setThreadCollapsed(thread.rootId, true);
      }),
    expandThread: () => threadOfFocus((thread) => pages!.setThreadCollapsed(thread.rootId, false)),
    collapseAllThreads: () => foldAllThreads(true),
    expandAllThreads: () => foldAllThreads(false),
    compose: () => compose({ mode: 'new', accountId: folder?.accountId ?? undefined }),
    reply: answer('reply'),
    replyAll: answer('replyAll'),
    replyList: answer('replyList'),
    forward: answer('forward'),
    forwardAttachment: answer('forwardAttachment'),
  };
  const writing = {
    compose: handlers.compose, reply: handlers.reply, replyAll: handlers.replyAll, forward: handlers.forward, forwardAttachment: handlers.forwardAttachment,
    redirect: () => {
      if (selection.single) overlays.setRedirect(selection.single);
    },
    editDraft: answer('editDraft'), editAsNew: answer('editAsNew'), editTemplate: answer('editTemplate'), print: handlers.print, saveAs: handlers.saveAs,
  };
  return { commands, commandsOn, writing, editIfDraft, runShortcut: (action: ShortcutAction, key?: string) => handlers[action](key) };
}
