import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AccountView, IdentityFieldsInput } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { IdentityForm } from './identity-form';
import { IdentityRow } from './identity-row';
import { useIdentities } from './use-identities';
import './identity-editor.css';

/** What the form is open for: nothing, a new identity, or an existing one. */
type Editing = null | 'new' | number;

/** An account's identities (From addresses with their signatures): listed, added, edited, removed. */
export function IdentityEditor({ account }: { account: AccountView }) {
  const client = useClient();
  const t = useT();
  const { identities, busy, error, run } = useIdentities(account.id);
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  // The button that was used is gone with the form or the row: keep focus in the dialog (Escape still closes it).
  const closeForm = () => {
    flushSync(() => setEditing(null));
    addButton.current?.focus();
  };
  const change = async (work: Promise<unknown>) => {
    if (await run(work)) closeForm();
  };
  const save = (fields: IdentityFieldsInput) =>
    void change(
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
          <IdentityRow
            key={identity.id ?? 'implicit'}
            identity={identity}
            busy={busy}
            lastOne={identities.length < 2}
            onEdit={() => setEditing(identity.id)}
            onRemove={() => void change(client.request('identities.remove', { identityId: identity.id! }))}
          />
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
          onCancel={closeForm}
        />
      )}
    </div>
  );
}
