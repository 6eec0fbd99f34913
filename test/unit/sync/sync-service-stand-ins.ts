import type { Store } from '../../../src-main/store/store';

/** The little of a store that SyncService reads when its runner is a stand-in: one account, no failed operations. */
export function standInStore(): Store {
  return { accounts: { get: () => ({ id: 1 }), list: () => [{ id: 1 }] }, db: { open: true }, write: (fn: () => unknown) => fn(), operations: { takeFailures: () => [] } } as unknown as Store;
}

/** A login that is never used to connect (the runner is a stand-in). */
export const standInLogin = () => ({ server: { host: 'h', port: 1, security: 'tls' as const, user: 'u' }, password: 'p', allowPlaintext: false, pin: null });
