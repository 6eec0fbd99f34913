import type { AppCommand } from '../../../src-main/ipc/contract';
import { isTypingTarget, type ShortcutAction } from '../../shortcuts/shortcut-keys';

/** Menu commands that start a message: the native menu takes their keys (Ctrl+R, Ctrl+L…) even from a field being typed in. */
const MENU_WRITING: ReadonlySet<AppCommand> = new Set<AppCommand>(['reply', 'replyAll', 'replyList', 'forward', 'forwardAttachment']);

/** The menu commands that are the shortcuts' actions. */
const MENU_SHORTCUTS: ReadonlySet<AppCommand> = new Set<AppCommand>([
  'compose', 'next', 'previous', 'nextUnread', 'previousUnread', 'markRead', 'markUnread', 'ignoreThread', 'toggleFlag', 'archive', 'junk', 'delete', 'help', 'print', 'saveAs', 'find', 'collapseAllThreads', 'expandAllThreads', 'addressBook',
  ...MENU_WRITING,
]);

/**
 * What a native menu command (Electron) does in the mail window: the settings screen, the threads switch, the
 * ignored threads' switch, the plain-text switch (View ▸ Message Body As Plain Text), the Inbox, Mark Thread as
 * Read, a shortcut's action, or nothing. While the user types (in the composer, the search box), the commands that start
 * a message are left alone: Ctrl+R or Ctrl+L must not replace what is being written.
 */
export function menuCommandAction(command: AppCommand, focused: EventTarget | null): 'settings' | 'threads' | 'ignoredThreads' | 'bodyAs' | 'inbox' | 'redirect' | 'markThreadRead' | ShortcutAction | null {
  if (command === 'settings' || command === 'threads' || command === 'ignoredThreads' || command === 'bodyAs' || command === 'inbox') return command;
  // No key of its own (Thunderbird's R is Reply here, as in Gmail): the menu's item, which no typing reaches.
  if (command === 'markThreadRead') return command;
  // No key of its own (as in Thunderbird): a dialog, which typing elsewhere does not reach by accident.
  if (command === 'redirect') return command;
  if (!MENU_SHORTCUTS.has(command)) return null;
  // Ctrl+F in a field being typed in (the composer) is not the open message's find either.
  if ((MENU_WRITING.has(command) || command === 'find') && isTypingTarget(focused)) return null;
  return command as ShortcutAction;
}
