/**
 * The keyboard shortcuts, in the manner of Thunderbird and Gmail. One list
 * serves both the key handler and the `?` help overlay, so the help cannot
 * drift from what the keys do.
 */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'nextUnread'
  | 'previousUnread'
  | 'pageDown'
  | 'pageUp'
  | 'extendNext'
  | 'extendPrevious'
  | 'open'
  | 'selectAll'
  | 'clearSelection'
  | 'delete'
  | 'archive'
  | 'move'
  | 'copy'
  | 'toggleFlag'
  | 'markRead'
  | 'markUnread'
  | 'toggleRead'
  | 'junk'
  | 'notJunk'
  | 'ignoreThread'
  | 'markFolderRead'
  | 'undo'
  | 'compose'
  | 'reply'
  | 'replyAll'
  | 'replyList'
  | 'forward'
  | 'forwardAttachment'
  | 'search'
  | 'quickFilter'
  | 'addressBook'
  | 'print'
  | 'saveAs'
  | 'find'
  | 'tag'
  | 'untag'
  | 'collapseThread'
  | 'expandThread'
  | 'collapseAllThreads'
  | 'expandAllThreads'
  | 'messagePane'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** As written in the help: `Shift+I`, `Mod+A` (Ctrl, or ⌘ on a Mac), `#`. */
  keys: string[];
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'next', keys: ['j', 'ArrowDown'] },
  { action: 'previous', keys: ['k', 'ArrowUp'] },
  // Thunderbird's Go ▸ Next ▸ Unread Message and Go ▸ Previous ▸ Unread Message.
  { action: 'nextUnread', keys: ['n'] },
  { action: 'previousUnread', keys: ['p'] },
  // Thunderbird's space bar: a page further down the open message, and at its end the next unread one.
  { action: 'pageDown', keys: ['Space'] },
  { action: 'pageUp', keys: ['Shift+Space'] },
  // Shift and the arrows only: Shift+K is Thunderbird's Ignore Thread and Shift+J its Not Junk, so neither extends.
  { action: 'extendNext', keys: ['Shift+ArrowDown'] },
  { action: 'extendPrevious', keys: ['Shift+ArrowUp'] },
  { action: 'open', keys: ['Enter', 'o'] },
  { action: 'selectAll', keys: ['Mod+A'] },
  { action: 'clearSelection', keys: ['Escape'] },
  { action: 'delete', keys: ['Delete', '#'] },
  { action: 'archive', keys: ['e'] },
  { action: 'move', keys: ['v'] },
  { action: 'copy', keys: ['Shift+V'] },
  { action: 'toggleFlag', keys: ['s'] },
  { action: 'markRead', keys: ['Shift+I'] },
  { action: 'markUnread', keys: ['Shift+U'] },
  { action: 'toggleRead', keys: ['m'] },
  // Gmail's Report spam (Thunderbird's J is the next message here, as in Gmail).
  { action: 'junk', keys: ['!'] },
  // Thunderbird's Mark as Not Junk.
  { action: 'notJunk', keys: ['Shift+J'] },
  // Thunderbird's K: ignores the thread, or watches an ignored one again.
  { action: 'ignoreThread', keys: ['Shift+K'] },
  { action: 'markFolderRead', keys: ['Shift+C'] },
  { action: 'undo', keys: ['z', 'Mod+Z'] },
  { action: 'compose', keys: ['c'] },
  { action: 'reply', keys: ['r'] },
  { action: 'replyAll', keys: ['a', 'Shift+R'] },
  // Thunderbird's key for Reply to List.
  { action: 'replyList', keys: ['Mod+Shift+L'] },
  { action: 'forward', keys: ['f'] },
  { action: 'forwardAttachment', keys: ['Shift+F'] },
  { action: 'search', keys: ['/', 'Mod+K'] },
  // Thunderbird's key for the quick filter's text.
  { action: 'quickFilter', keys: ['Mod+Shift+K'] },
  // Thunderbird's key for Tools ▸ Address Book.
  { action: 'addressBook', keys: ['Mod+Shift+B'] },
  { action: 'print', keys: ['Mod+P'] },
  // Thunderbird's key for File ▸ Save As ▸ File.
  { action: 'saveAs', keys: ['Mod+S'] },
  // Thunderbird's Edit ▸ Find ▸ Find in This Message.
  { action: 'find', keys: ['Mod+F'] },
  { action: 'tag', keys: ['1', '2', '3', '4', '5'] },
  { action: 'untag', keys: ['0'] },
  { action: 'collapseThread', keys: ['ArrowLeft'] },
  { action: 'expandThread', keys: ['ArrowRight'] },
  // Thunderbird's keys for View ▸ Threads ▸ Collapse All Threads and Expand All Threads.
  { action: 'collapseAllThreads', keys: ['\\'] },
  { action: 'expandAllThreads', keys: ['*'] },
  // Thunderbird's View ▸ Layout ▸ Message Pane.
  { action: 'messagePane', keys: ['F8'] },
  { action: 'help', keys: ['?'] },
];

interface KeyEventLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Does this key event press this key as written? */
export function matchesKey(event: KeyEventLike, written: string): boolean {
  const parts = written.split('+');
  const named = parts.pop()!;
  const key = named === 'Space' ? ' ' : named;
  const wantsShift = parts.includes('Shift');
  const wantsMod = parts.includes('Mod');
  if (event.altKey || (event.ctrlKey || event.metaKey) !== wantsMod) return false;
  // A symbol like # or ? needs Shift on some keyboards and not on others: the character decides.
  if (key.length === 1 && key !== ' ' && !/[a-z]/i.test(key)) return event.key === key;
  if (event.shiftKey !== wantsShift) return false;
  return key.length === 1 ? event.key.toLowerCase() === key.toLowerCase() : event.key === key;
}

export function shortcutFor(event: KeyEventLike): ShortcutAction | null {
  return SHORTCUTS.find((shortcut) => shortcut.keys.some((written) => matchesKey(event, written)))?.action ?? null;
}

/**
 * Whether the key belongs to something the user is typing in, where a shortcut must never fire.
 * No `instanceof HTMLElement`: an element of the mail's frame comes from that frame's window,
 * whose HTMLElement is another object.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** The key is the focused element's own: typing, or Enter or Space following a link or pressing a button. */
export function keyStaysWithTarget(event: { key: string; target: EventTarget | null }): boolean {
  if (isTypingTarget(event.target)) return true;
  return (event.key === 'Enter' || event.key === ' ') && isElement(event.target) && event.target.closest('button, a') !== null;
}

function isElement(target: EventTarget | null): target is HTMLElement {
  return target !== null && (target as Partial<Node>).nodeType === 1;
}
