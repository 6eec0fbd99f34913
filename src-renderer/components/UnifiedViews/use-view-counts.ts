import type { UnifiedViewCount } from '../../../src-main/ipc/contract';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { useCoalesced } from '../../hooks/use-coalesced';
import { useRequest } from '../../hooks/use-request';

/** Counts move with every synced batch; one reload per this interval is plenty (they are cheap in the core). */
const RELOAD_DELAY_MS = 300;

/** The unified views' counts, kept current with the store. */
export function useViewCounts(enabled: boolean): UnifiedViewCount[] | null {
  const counts = useRequest('views.list', enabled ? {} : null);
  const reloadSoon = useCoalesced(() => counts.reload(), RELOAD_DELAY_MS);
  // Any change may move a count: new or changed mail, and an account added or removed with its mail.
  useClientEvent('store.changed', () => enabled && reloadSoon(0));
  useOnReconnect(() => enabled && counts.reload());
  return counts.data;
}
