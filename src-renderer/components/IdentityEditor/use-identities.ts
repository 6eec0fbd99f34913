import { useCallback, useEffect, useState } from 'react';
import type { IdentityView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';

/**
 * An account's identities as the core lists them, and `run` for a change:
 * busy while it runs, its error kept, the list read again after it.
 */
export function useIdentities(accountId: number) {
  const client = useClient();
  const [identities, setIdentities] = useState<IdentityView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const load = useCallback(
    () => client.request('identities.list', { accountId }).then(setIdentities, (failure: unknown) => setError(toErrorShape(failure))),
    [client, accountId],
  );
  useEffect(() => void load(), [load]);

  /** Runs a change; resolves true once it is done and the list read again, false when it failed (the error is shown). */
  const run = async (work: Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work;
      await load();
      return true;
    } catch (failure) {
      setError(toErrorShape(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { identities, busy, error, run };
}
