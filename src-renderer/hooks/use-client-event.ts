import { useEffect, useRef } from 'react';
import type { EventName, Events } from '../../src-main/ipc/contract';
import { useClient } from '../client/client-context';

/** Subscribes for the component's lifetime; the newest listener is always the one called. */
export function useClientEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const client = useClient();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}

/** Calls back when the link to the core comes back, since events sent meanwhile were lost. */
export function useOnReconnect(callback: () => void): void {
  const client = useClient();
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => client.onConnectionChange((connected) => connected && latest.current()), [client]);
}
