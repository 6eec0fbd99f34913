import { useEffect, useState } from 'react';
import type { AccountView, IdentityView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useT } from '../../i18n/i18n-context';

interface FromFieldProps {
  accounts: AccountView[];
  accountId: number;
  identityId: number | null;
  onChange(accountId: number, identityId: number | null): void;
}

const keyOf = (identity: Pick<IdentityView, 'accountId' | 'id'>) => `${identity.accountId}:${identity.id ?? 'default'}`;

/** Every identity of every account; choosing one of another account sends from that account. */
export function FromField({ accounts, accountId, identityId, onChange }: FromFieldProps) {
  const client = useClient();
  const t = useT();
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

  return (
    <label className="composer__row">
      <span className="composer__label">{t('compose.from')}</span>
      <select
        value={`${accountId}:${identityId ?? 'default'}`}
        data-testid="compose-from"
        onChange={(event) => {
          const chosen = identities.find((identity) => keyOf(identity) === event.target.value);
          if (chosen) onChange(chosen.accountId, chosen.id);
        }}
      >
        {identities.length === 0 && <option value={`${accountId}:${identityId ?? 'default'}`}>…</option>}
        {identities.map((identity) => (
          <option key={keyOf(identity)} value={keyOf(identity)}>
            {identity.name && identity.name !== identity.email ? `${identity.name} <${identity.email}>` : identity.email}
          </option>
        ))}
      </select>
    </label>
  );
}
