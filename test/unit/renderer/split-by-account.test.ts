import { describe, expect, it } from 'vitest';
import type { ViewMessageSummary } from '../../../src-main/ipc/contract';
import { combineReceipts, splitByAccount } from '../../../src-renderer/components/MailView/split-by-account';
import { SUMMARY } from './mail-fixtures';

const rows = new Map<number, ViewMessageSummary>([
  [1, { ...SUMMARY, id: 1, accountId: 10, folderRole: null }],
  [2, { ...SUMMARY, id: 2, accountId: 20, folderRole: null }],
  [3, { ...SUMMARY, id: 3, accountId: 10, folderRole: null }],
]);
const rowOf = (id: number) => rows.get(id);

describe('splitByAccount', () => {
  it('sends one operation per account for a selection that spans accounts', () => {
    expect(splitByAccount({ kind: 'delete', messageIds: [1, 2, 3] }, rowOf)).toEqual([
      { kind: 'delete', messageIds: [1, 3] },
      { kind: 'delete', messageIds: [2] },
    ]);
    expect(splitByAccount({ kind: 'flags', messageIds: [2, 1], add: ['\\Seen'] }, rowOf)).toHaveLength(2);
  });

  it('leaves an operation within one account (or in an ordinary folder, rows without an account) as it is', () => {
    const operation = { kind: 'archive' as const, messageIds: [1, 3] };
    expect(splitByAccount(operation, rowOf)).toEqual([operation]);
    expect(splitByAccount({ kind: 'archive', messageIds: [7, 8] }, () => undefined)).toEqual([{ kind: 'archive', messageIds: [7, 8] }]);
  });

  it('combines the receipts: undone together, undoable only if each is', () => {
    expect(combineReceipts([{ operationId: 5, affected: 2, undoable: true }, { operationId: 6, affected: 1, undoable: false }])).toEqual({
      operationId: 5,
      operationIds: [5, 6],
      affected: 3,
      undoable: false,
    });
  });
});
