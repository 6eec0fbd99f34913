import type { MailOperation, OperationReceipt } from '../ipc/contract';

/** What marking a thread read did: how many messages, in one undoable operation (null when all were read). */
export interface ThreadMarked {
  markedRead: number;
  operationId: number | null;
}

/**
 * Thunderbird's Mark Thread as Read: the unread ones of a conversation's messages (as the reading pane lists it,
 * every folder of its account), marked read in one journaled operation. Ignore Thread does the same first.
 */
export async function markThreadRead(thread: { id: number; seen: boolean }[], apply: (operation: MailOperation) => Promise<OperationReceipt>): Promise<ThreadMarked> {
  const unread = thread.filter((message) => !message.seen).map((message) => message.id);
  if (unread.length === 0) return { markedRead: 0, operationId: null };
  const receipt = await apply({ kind: 'flags', messageIds: unread, add: ['\\Seen'], remove: [] });
  return { markedRead: unread.length, operationId: receipt.operationId };
}
