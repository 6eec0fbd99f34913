import { useMemo, useState } from 'react';
import type { AccountView, Events } from '../../../src-main/ipc/contract';
import { useClientEvent } from '../../hooks/use-client-event';

export type AccountStatus = Events['account.status'];
export type SyncProgress = Events['sync.progress'];

/**
 * What each account is doing: its state (seeded from the account list, then
 * kept current by `account.status`) and, while a sync or replay runs, how far it got.
 */
export function useAccountActivity(accounts: AccountView[]) {
  const [reported, setReported] = useState<Map<number, AccountStatus>>(new Map());
  const [progress, setProgress] = useState<Map<number, SyncProgress>>(new Map());

  useClientEvent('account.status', (status) => {
    setReported((previous) => new Map(previous).set(status.accountId, status));
    if (status.state !== 'syncing') {
      setProgress((previous) => withoutKey(previous, status.accountId));
    }
  });
  useClientEvent('sync.progress', (update) => setProgress((previous) => new Map(previous).set(update.accountId, update)));
  // Every run ends with this, a replay too (which leaves the status as it was): no bar outlives its run.
  useClientEvent('sync.ended', ({ accountId }) => setProgress((previous) => withoutKey(previous, accountId)));

  const statuses = useMemo(
    () =>
      new Map<number, AccountStatus>(
        accounts.map((account) => [
          account.id,
          reported.get(account.id) ?? { accountId: account.id, state: account.state, error: account.lastError, retryAt: account.retryAt },
        ]),
      ),
    [accounts, reported],
  );
  return { statuses, progress };
}

function withoutKey<V>(map: Map<number, V>, key: number): Map<number, V> {
  if (!map.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}
