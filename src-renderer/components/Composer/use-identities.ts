import { useEffect, useState } from 'react';
import type { AccountView, IdentityView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';

/** Every identity of every account (what the From field offers), loaded once per set of accounts. */
export function useIdentities(accounts: AccountView[]): IdentityView[] {
  const client = useClient();
  const [identities, setIdentities] = useState<IdentityView[]>([]);
  const accountIds = accounts.map((a) => a.id).join(',');
  useEffect(() => {
    let current = true;
    const ids = accountIds.split(',').map(Number).filter(Boolean);
    Promise.all(ids.map((id) => client.request('identities.list', { accountId: id }).catch(() => [] as IdentityView[]))).then(
      (lists) => current && setIdentities(lists.flat()),
    );
    return () => {
      current = false;
    };
  }, [client, accountIds]);
  return identities;
}

export const identityKey = (identity: Pick<IdentityView, 'accountId' | 'id'>) => `${identity.accountId}:${identity.id ?? 'default'}`;

/** The identity a composer state names; null (the account's default) finds the default. */
export function findIdentity(identities: IdentityView[], accountId: number, identityId: number | null): IdentityView | undefined {
  const mine = identities.filter((identity) => identity.accountId === accountId);
  return mine.find((identity) => identity.id === identityId && identityId !== null) ?? mine.find((identity) => identity.isDefault);
}
