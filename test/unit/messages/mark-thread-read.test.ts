import { describe, expect, it } from 'vitest';
import type { MailOperation, OperationReceipt } from '../../../src-main/ipc/contract';
import { markThreadRead } from '../../../src-main/messages/mark-thread-read';

describe('markThreadRead', () => {
  const applier = () => {
    const applied: MailOperation[] = [];
    const apply = async (operation: MailOperation) => {
      applied.push(operation);
      return { operationId: 7, affected: 1, undoable: true } as OperationReceipt;
    };
    return { applied, apply };
  };

  it('marks the unread messages of the thread read in one operation, and says how many', async () => {
    const { applied, apply } = applier();
    expect(await markThreadRead([{ id: 1, seen: false }, { id: 2, seen: true }, { id: 3, seen: false }], apply)).toEqual({ markedRead: 2, operationId: 7 });
    expect(applied).toEqual([{ kind: 'flags', messageIds: [1, 3], add: ['\\Seen'], remove: [] }]);
  });

  it('applies nothing to a thread read already', async () => {
    const { applied, apply } = applier();
    expect(await markThreadRead([{ id: 1, seen: true }], apply)).toEqual({ markedRead: 0, operationId: null });
    expect(applied).toEqual([]);
  });
});
