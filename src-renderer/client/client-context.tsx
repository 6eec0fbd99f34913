import { createContext, useContext, type ReactNode } from 'react';
import type { WrenClient } from './wren-client';

const ClientContext = createContext<WrenClient | null>(null);

export function ClientProvider({ client, children }: { client: WrenClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): WrenClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientProvider> above it');
  return client;
}
