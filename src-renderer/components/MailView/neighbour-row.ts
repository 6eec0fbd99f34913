import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { MessagePages } from '../MessageList/message-pages';

/** The first row after the selection that stays, else the last one before it; null when none stays. */
export function neighbourOf(pages: MessagePages, leavingIds: Set<number>): MessageSummary | null {
  const indexes = [...leavingIds].map((id) => pages.indexOf(id)).filter((index) => index >= 0);
  if (indexes.length === 0) return null;
  for (let index = Math.max(...indexes) + 1; pages.rowAt(index); index++) {
    if (!leavingIds.has(pages.rowAt(index)!.id)) return pages.rowAt(index)!;
  }
  for (let index = Math.min(...indexes) - 1; index >= 0 && pages.rowAt(index); index--) {
    if (!leavingIds.has(pages.rowAt(index)!.id)) return pages.rowAt(index)!;
  }
  return null;
}
