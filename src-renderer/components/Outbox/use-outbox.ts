import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';

/**
 * What the outbox holds and the user may still act on: every account's
 * messages waiting, scheduled, sending, failed or of unknown fate, oldest
 * first. Loaded once, then kept by `outbox.changed` (each event carries the
 * whole entry), and loaded again after the link to the core comes back,
 * since events sent meanwhile were lost. A sent message leaves the list.
 */
export function useOutbox(): OutboxEntryView[] {
  const client = useClient();
  const [entries, setEntries] = useState<ReadonlyMap<number, OutboxEntryView>>(new Map());
  const load = useCallback(() => {
    // A list that cannot be read leaves the last one shown: the next change or reconnection reads it again.
    client.request('outbox.list', {}).then((list) => setEntries(new Map(list.map((entry) => [entry.id, entry]))), () => undefined);
  }, [client]);
  useEffect(load, [load]);
  useOnReconnect(load);
  useClientEvent('outbox.changed', ({ entry, removed }) =>
    setEntries((current) => {
      const next = new Map(current);
      if (removed || entry.state === 'sent') next.delete(entry.id);
      else next.set(entry.id, entry);
      return next;
    }),
  );
  return useMemo(() => [...entries.values()].filter((entry) => entry.state !== 'sent').sort((a, b) => a.createdAt - b.createdAt || a.id - b.id), [entries]);
}
