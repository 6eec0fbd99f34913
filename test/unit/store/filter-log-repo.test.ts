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
});
