import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';

/** The commands on a selection that the toolbar and the context menu both offer. */
export interface MessageCommands {
  delete(): void;
  archive(): void;
  move(): void;
  copy(): void;
  setSeen(seen: boolean): void;
  setFlagged(flagged: boolean): void;
  setJunk(junk: boolean): void;
}

export interface CommandEntry {
  id: string;
  label: StringKey;
  icon: string;
  run(): void;
  danger?: boolean;
}

/**
 * The entries in order; read and flag say what they will do now: "mark as
 * read" while any selected message is unread, "mark as unread" otherwise.
 */
export function commandEntries(commands: MessageCommands, rows: MessageSummary[], inJunk = false): CommandEntry[] {
  const anyUnread = rows.length === 0 || rows.some((row) => !row.seen);
  const anyUnflagged = rows.length === 0 || rows.some((row) => !row.flagged);
  return [
    { id: 'delete', label: 'actions.delete', icon: '🗑', run: commands.delete, danger: true },
    { id: 'archive', label: 'actions.archive', icon: '🗄', run: commands.archive },
    { id: 'move', label: 'actions.move', icon: '📂', run: commands.move },
    { id: 'copy', label: 'actions.copy', icon: '📋', run: commands.copy },
    anyUnread
      ? { id: 'mark-read', label: 'actions.markRead', icon: '✉', run: () => commands.setSeen(true) }
      : { id: 'mark-unread', label: 'actions.markUnread', icon: '✉', run: () => commands.setSeen(false) },
    anyUnflagged
      ? { id: 'flag', label: 'actions.flag', icon: '☆', run: () => commands.setFlagged(true) }
      : { id: 'unflag', label: 'actions.unflag', icon: '★', run: () => commands.setFlagged(false) },
    // In the Junk folder the way out is what is wanted.
    inJunk
      ? { id: 'not-junk', label: 'actions.notJunk', icon: '✅', run: () => commands.setJunk(false) }
      : { id: 'junk', label: 'actions.junk', icon: '🚫', run: () => commands.setJunk(true) },
  ];
}
