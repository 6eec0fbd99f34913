import type { IdentityView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { identityKey } from './use-identities';

interface FromFieldProps {
  identities: IdentityView[];
  accountId: number;
  identityId: number | null;
  onChange(chosen: IdentityView): void;
}

/** Every identity of every account; choosing one of another account sends from that account. */
export function FromField({ identities, accountId, identityId, onChange }: FromFieldProps) {
  const t = useT();
  const value = identityKey({ accountId, id: identityId });
  return (
    <label className="composer__row">
      <span className="composer__label">{t('compose.from')}</span>
      <select
        value={value}
        data-testid="compose-from"
        onChange={(event) => {
          const chosen = identities.find((identity) => identityKey(identity) === event.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {identities.length === 0 && <option value={value}>…</option>}
        {identities.map((identity) => (
          <option key={identityKey(identity)} value={identityKey(identity)}>
            {identity.name && identity.name !== identity.email ? `${identity.name} <${identity.email}>` : identity.email}
          </option>
        ))}
      </select>
    </label>
  );
}
