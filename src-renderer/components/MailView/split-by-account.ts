import type { MailOperationInput, OperationReceipt, ViewMessageSummary } from '../../../src-main/ipc/contract';

/** Several receipts as one: undone together, undoable only if each is. */
export interface CombinedReceipt extends OperationReceipt {
  operationIds: number[];
}

/**
 * The core applies an operation within one account; a selection in a
 * unified view may span several. Flags, delete, archive and junk are then sent as
 * one operation per account (each to its own Trash, Archive or Junk). Messages
 * whose row is not at hand keep their own group, which the core resolves.
 */
export function splitByAccount(operation: MailOperationInput, rowOf: (id: number) => ViewMessageSummary | undefined): MailOperationInput[] {
  if (operation.kind === 'move' || operation.kind === 'copy') return [operation];
  const groups = new Map<number | null | undefined, number[]>();
  for (const id of operation.messageIds) {
    const accountId = rowOf(id)?.accountId;
    groups.set(accountId, [...(groups.get(accountId) ?? []), id]);
  }
  if (groups.size <= 1) return [operation];
  return [...groups.values()].map((messageIds) => ({ ...operation, messageIds }));
}

export function combineReceipts(receipts: OperationReceipt[]): CombinedReceipt {
  return {
    operationId: receipts[0]!.operationId,
    operationIds: receipts.flatMap((receipt) => receipt.operationIds ?? [receipt.operationId]),
    affected: receipts.reduce((sum, receipt) => sum + receipt.affected, 0),
    undoable: receipts.every((receipt) => receipt.undoable),
    ...(receipts.some((receipt) => receipt.moved !== undefined) && { moved: receipts.reduce((sum, receipt) => sum + (receipt.moved ?? 0), 0) }),
  };
}
