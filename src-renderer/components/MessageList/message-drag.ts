import type { DragEvent } from 'react';

/** Our own type, so a folder accepts only messages dragged from Wren's list, not files or text. */
export const MESSAGES_MIME = 'application/x-wren-messages';

export interface DraggedMessages {
  /** Null for a local folder's messages (POP3, next). */
  accountId: number | null;
  messageIds: number[];
}

export function startMessageDrag(event: DragEvent, dragged: DraggedMessages): void {
  event.dataTransfer.setData(MESSAGES_MIME, JSON.stringify(dragged));
  event.dataTransfer.effectAllowed = 'copyMove';
}

/** While dragging only the types can be read (the data comes with the drop). */
export function carriesMessages(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes(MESSAGES_MIME);
}

export function droppedMessages(event: DragEvent): DraggedMessages | null {
  try {
    const parsed = JSON.parse(event.dataTransfer.getData(MESSAGES_MIME)) as Partial<DraggedMessages>;
    if ((typeof parsed.accountId !== 'number' && parsed.accountId !== null) || !Array.isArray(parsed.messageIds)) return null;
    return { accountId: parsed.accountId ?? null, messageIds: parsed.messageIds.filter((id): id is number => Number.isInteger(id)) };
  } catch {
    return null;
  }
}

/** Ctrl held copies, as in Thunderbird and file managers (Option on a Mac); otherwise the drop moves. */
export function dropCopies(event: DragEvent): boolean {
  return event.ctrlKey || event.altKey;
}
