import { useCallback, useEffect, useState } from 'react';
import type { AccountView, FolderView, StoreChange } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { useCoalesced } from '../../hooks/use-coalesced';

export interface AccountFolders {
  folders: FolderView[] | null;
  error: ErrorShape | null;
}

const NONE: ReadonlySet<number> = new Set();

/** The key of the shared Local Folders among the accounts' entries (no account has id 0). */
export const LOCAL_FOLDERS = 0;

/** Unread counts move with every synced batch; one reload per account per this interval is plenty. */
const RELOAD_DELAY_MS = 300;

/**
 * Each account's folders, reloaded when the store says they (or the messages
 * in them) changed. Accounts in `showUnsubscribed` list unsubscribed folders too.
 */
export function useAccountFolders(accounts: AccountView[], showUnsubscribed: ReadonlySet<number> = NONE): Map<number, AccountFolders> {
  const client = useClient();
  const [byAccount, setByAccount] = useState<Map<number, AccountFolders>>(new Map());

  const load = useCallback(
    (accountId: number) => {
      const store = (entry: Partial<AccountFolders>) =>
        setByAccount((previous) => {
          const current = previous.get(accountId) ?? { folders: null, error: null };
          return new Map(previous).set(accountId, { ...current, ...entry });
        });
      const params = accountId === LOCAL_FOLDERS ? { accountId: null } : { accountId, includeUnsubscribed: showUnsubscribed.has(accountId) };
      client.request('folders.list', params).then(
        (folders) => store({ folders, error: null }),
        (error: unknown) => store({ error: toErrorShape(error) }),
      );
    },
    [client, showUnsubscribed],
  );
  const loadSoon = useCoalesced(load, RELOAD_DELAY_MS);

  const accountIds = [LOCAL_FOLDERS, ...accounts.map((account) => account.id)].join(',');
  useEffect(() => {
    const ids = accountIds.split(',').map(Number);
    // A removed account's folders go with it: the Move picker offered them until a reload.
    setByAccount((previous) => ([...previous.keys()].every((id) => ids.includes(id)) ? previous : new Map([...previous].filter(([id]) => ids.includes(id)))));
    for (const id of ids) load(id);
  }, [accountIds, load]);
  useClientEvent('store.changed', ({ changes }) => accountsTouched(changes, byAccount).forEach(loadSoon));
  useOnReconnect(() => [LOCAL_FOLDERS, ...accounts.map((account) => account.id)].forEach(load));
  return byAccount;
}

function accountsTouched(changes: StoreChange[], byAccount: Map<number, AccountFolders>): Set<number> {
  const touched = new Set<number>();
  for (const change of changes) {
    if (change.entity === 'folders') touched.add(change.accountId ?? LOCAL_FOLDERS);
    if (change.entity === 'messages') {
      const owner = [...byAccount].find(([, entry]) => entry.folders?.some((folder) => folder.id === change.folderId));
      if (owner) touched.add(owner[0]);
    }
  }
  return touched;
}
