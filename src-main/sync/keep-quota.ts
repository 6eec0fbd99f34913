import type { Store } from '../store/store';
import type { ServerQuota } from './server-quota';

/**
 * Stores a quota the server just stated (null: it keeps none). Undefined, the server did not
 * answer this time, leaves the last reading as it was.
 */
export function keepQuota(store: Store, accountId: number, quota: ServerQuota | null | undefined): void {
  if (quota === undefined) return;
  store.write(() => {
    // Removed while its sync ran: nothing to keep it for.
    if (store.accounts.get(accountId)) store.quotas.save(accountId, quota, Date.now());
  });
}
