import { afterEach, describe, expect, it } from 'vitest';
import { FILTER_LOG_KEPT, type NewFilterLogEntry } from '../../../src-main/store/filter-log-repo';
import { addAccount, tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

const entry = (n: number): NewFilterLogEntry => ({
  filterId: 1, filterName: '列表', from: { name: 'Ann', address: 'ann@example.test' }, subject: `Digest ${n}`, did: [{ kind: 'move', folder: 'Lists' }],
});

describe('FilterLogRepo', () => {
  it('lists an account\'s entries newest first, as they were written; clears them; keeps each account\'s apart', () => {
    const t = tempStore();
    dispose = t.dispose;
    const [mine, other] = [addAccount(t.store, 'me'), addAccount(t.store, 'other')];
    t.store.write(() => t.store.filterLog.add(mine, 1_000, [entry(1), entry(2)]));
    t.store.write(() => t.store.filterLog.add(other, 2_000, [entry(3)]));
    expect(t.store.filterLog.list(mine, 10)).toEqual([
      expect.objectContaining({ at: 1_000, filterName: '列表', subject: 'Digest 2', from: { name: 'Ann', address: 'ann@example.test' }, did: [{ kind: 'move', folder: 'Lists' }] }),
      expect.objectContaining({ subject: 'Digest 1' }),
    ]);
    expect(t.store.filterLog.list(mine, 1).map((e) => e.subject)).toEqual(['Digest 2']);
    expect(t.store.write(() => t.store.filterLog.clear(mine))).toBe(2);
    expect(t.store.filterLog.list(mine, 10)).toEqual([]);
    expect(t.store.filterLog.list(other, 10)).toHaveLength(1);
  });

  it('keeps the newest entries of an account and no more; an account removed takes its log', () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'me');
    t.store.write(() => t.store.filterLog.add(accountId, 1, Array.from({ length: FILTER_LOG_KEPT + 5 }, (_, i) => entry(i))));
    t.store.write(() => t.store.filterLog.add(accountId, 2, [entry(-1)]));
    const kept = t.store.filterLog.list(accountId, FILTER_LOG_KEPT + 10);
    expect(kept).toHaveLength(FILTER_LOG_KEPT);
    expect(kept[0]!.subject).toBe('Digest -1');
    expect(kept.at(-1)!.subject).toBe('Digest 6');
    t.store.write(() => t.store.accounts.remove(accountId));
    expect(t.store.db.prepare('SELECT count(*) FROM filter_log').pluck().get()).toBe(0);
  });

  it('marks the changes of an operation the server refused, only the messages a failure names, and forgets links once the operation is done', () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'me');
    const journal = () => t.store.write(() => t.store.operations.add({ accountId, kind: 'move', action: 'move', targetPath: 'Lists', undoable: true, add: [], remove: [] }, []));
    const [refused, done] = [journal(), journal()];
    const line = (n: number, operationId: number, messageId: string): NewFilterLogEntry => ({
      ...entry(n), did: [{ kind: 'forward', to: 'me@phone.test', outcome: 'sent' }, { kind: 'move', folder: 'Lists' }], operations: [{ actionIndex: 1, operationId, messageId }],
    });
    t.store.write(() => t.store.filterLog.add(accountId, 1, [line(1, refused, '<one@x>'), line(2, refused, '<two@x>'), line(3, done, '<three@x>')]));
    t.store.write(() => t.store.operations.finish(done));
    const error = { code: 'NotFound' as const, message: 'gone', details: { missing: ['<two@x>'] } };
    expect(t.store.write(() => t.store.filterLog.refuse(refused, error))).toBe(1);
    expect(t.store.write(() => t.store.filterLog.refuse(done, error))).toBe(0);
    const did = Object.fromEntries(t.store.filterLog.list(accountId, 10).map((e) => [e.subject, e.did]));
    expect(did['Digest 2']).toEqual([{ kind: 'forward', to: 'me@phone.test', outcome: 'sent' }, { kind: 'move', folder: 'Lists', refused: error }]);
    expect(did['Digest 1']![1]).toEqual({ kind: 'move', folder: 'Lists' });
    expect(did['Digest 3']![1]).toEqual({ kind: 'move', folder: 'Lists' });
    // Read once: a later operation given the same id finds no link.
    expect(t.store.write(() => t.store.filterLog.refuse(refused, { code: 'ServerSaid', message: 'no' }))).toBe(0);
  });

  it('a failure that names no message marks every change it carried; no link is kept to an operation already done', () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'me');
    const operationId = t.store.write(() => t.store.operations.add({ accountId, kind: 'flags', action: 'store', targetPath: null, undoable: true, add: ['\\Seen'], remove: [] }, []));
    const flagged: NewFilterLogEntry = { ...entry(1), did: [{ kind: 'markRead' }, { kind: 'flag' }], operations: [{ actionIndex: 0, operationId, messageId: null }, { actionIndex: 1, operationId, messageId: null }] };
    t.store.write(() => t.store.filterLog.add(accountId, 1, [flagged]));
    const error = { code: 'ServerSaid' as const, message: 'NO [CANNOT] Mailbox is read-only' };
    expect(t.store.write(() => t.store.filterLog.refuse(operationId, error))).toBe(1);
    expect(t.store.filterLog.list(accountId, 1)[0]!.did).toEqual([{ kind: 'markRead', refused: error }, { kind: 'flag', refused: error }]);

    t.store.write(() => t.store.operations.finish(operationId));
    t.store.write(() => t.store.filterLog.add(accountId, 2, [{ ...flagged, subject: 'Later' }]));
    expect(t.store.db.prepare('SELECT count(*) FROM filter_log_operations').pluck().get()).toBe(0);
  });
});
