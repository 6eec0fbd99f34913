import type { IdentityView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';

interface IdentityRowProps {
  identity: IdentityView;
  busy: boolean;
  /** The account's last identity cannot be removed: it always has one From address. */
  lastOne: boolean;
  onEdit(): void;
  onRemove(): void;
}

/** One identity in the account's list: its From line, the first line of its signature, Edit and Remove. */
export function IdentityRow({ identity, busy, lastOne, onEdit, onRemove }: IdentityRowProps) {
  const t = useT();
  return (
    <li data-testid="identity-row">
      <span className="identity-editor__who">
        <span>
          {identity.name ? `${identity.name} <${identity.email}>` : identity.email}
          {identity.isDefault && <em className="identity-editor__default"> · {t('identity.isDefault')}</em>}
        </span>
        {identity.signature && <span className="identity-editor__signature">{identity.signature.split('\n')[0]}</span>}
      </span>
      {identity.id !== null && (
        <span className="identity-editor__buttons">
          <button type="button" onClick={onEdit} disabled={busy} data-testid="identity-edit">
            {t('identity.edit')}
          </button>
          <button type="button" onClick={onRemove} disabled={busy || lastOne} title={lastOne ? t('identity.lastOne') : undefined} data-testid="identity-remove">
            {t('identity.remove')}
          </button>
        </span>
      )}
    </li>
  );
}
