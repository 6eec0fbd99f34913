import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView, IdentityFieldsInput, IdentityView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { IdentityForm } from './identity-form';
import './identity-editor.css';

/** What the form is open for: nothing, a new identity, or an existing one. */
type Editing = null | 'new' | number;

/** An account's identities (From addresses with their signatures): listed, added, edited, removed. */
export function IdentityEditor({ account }: { account: AccountView }) {
  const client = useClient();
  const t = useT();
  const [identities, setIdentities] = useState<IdentityView[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const load = useCallback(
    () => client.request('identities.list', { accountId: account.id }).then(setIdentities, (failure: unknown) => setError(toErrorShape(failure))),
    [client, account.id],
  );
  useEffect(() => void load(), [load]);

  const run = async (work: Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work;
      setEditing(null);
      await load();
      // The button that was used is gone with the form or the row: keep focus in the dialog (Escape still closes it).
      addButton.current?.focus();
    } catch (failure) {
      setError(toErrorShape(failure));
    } finally {
      setBusy(false);
    }
  };
  const save = (fields: IdentityFieldsInput) =>
    void run(
      editing === 'new' || editing === null
        ? client.request('identities.add', { accountId: account.id, identity: fields })
        : client.request('identities.update', { identityId: editing, identity: fields }),
    );
  const current = typeof editing === 'number' ? (identities.find((identity) => identity.id === editing) ?? null) : null;

  return (
    <div className="identity-editor" data-testid={`account-${account.id}-identities`}>
      <p className="settings__label">{t('identity.title')}</p>
      <ul className="identity-editor__list">
        {identities.map((identity) => (
          <li key={identity.id ?? 'implicit'} data-testid="identity-row">
            <span className="identity-editor__who">
              <span>
                {identity.name ? `${identity.name} <${identity.email}>` : identity.email}
                {identity.isDefault && <em className="identity-editor__default"> · {t('identity.isDefault')}</em>}
              </span>
              {identity.signature && <span className="identity-editor__signature">{identity.signature.split('\n')[0]}</span>}
            </span>
            {identity.id !== null && (
              <span className="identity-editor__buttons">
                <button type="button" onClick={() => setEditing(identity.id)} disabled={busy} data-testid="identity-edit">
                  {t('identity.edit')}
                </button>
                <button
                  type="button"
                  onClick={() => void run(client.request('identities.remove', { identityId: identity.id! }))}
                  disabled={busy || identities.length < 2}
                  title={identities.length < 2 ? t('identity.lastOne') : undefined}
                  data-testid="identity-remove"
                >
                  {t('identity.remove')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorNotice error={error} />}
      {editing === null ? (
        <button type="button" ref={addButton} className="identity-editor__add" onClick={() => setEditing('new')} data-testid="identity-add">
          {t('identity.add')}
        </button>
      ) : (
        <IdentityForm
          key={String(editing)}
          identity={current}
          fallback={{ name: account.displayName, email: account.email }}
          busy={busy}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}
