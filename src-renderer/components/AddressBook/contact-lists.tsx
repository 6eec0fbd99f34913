import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ContactList } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useRequest } from '../../hooks/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { chipLabel, parseAddressList } from '../Composer/address-list';
import { useCompose } from '../Composer/compose-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { cancelOnEscape } from '../Dialog/cancel-on-escape';
import { ErrorNotice } from '../ErrorNotice';

type Editing = { list: ContactList | null } | null;

/**
 * The Address Book's lists (Thunderbird's address book mailing lists): a name that stands for its members in To,
 * Cc or Bcc. Each can be written to, edited (its name and its members, one per line or separated by commas) and
 * removed.
 */
export function ContactLists({ onWrite }: { onWrite(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const { composeMailto } = useCompose();
  const lists = useRequest('addresses.lists', {});
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<ContactList | null>(null);
  const [error, setError] = useState<ErrorShape | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  // The focus was in the editor, gone now: to "New list…", where Escape still reaches the Address Book.
  const closeEditor = () => {
    flushSync(() => setEditing(null));
    newButton.current?.focus();
  };
  const remove = (list: ContactList) => client.request('addresses.removeList', { listId: list.id }).then(lists.reload, (failure: unknown) => setError(toErrorShape(failure)));
  return (
    <section className="address-book__lists" data-testid="contact-lists">
      <div className="address-book__lists-head">
        <h3>{t('contactLists.heading')}</h3>
        <button type="button" ref={newButton} onClick={() => setEditing({ list: null })} data-testid="contact-list-new">{t('contactLists.new')}</button>
      </div>
      {error && <ErrorNotice error={error} />}
      {editing && (
        <ListEditor list={editing.list} others={(lists.data ?? []).filter((other) => other.id !== editing.list?.id)}
          onDone={() => { closeEditor(); lists.reload(); }} onCancel={closeEditor} />
      )}
      <ul className="address-book__list">
        {(lists.data ?? []).map((list) => (
          <li key={list.id} className="address-book__contact-list" data-testid="contact-list">
            <strong>👥 {list.name}</strong>
            <span className="address-book__members" title={list.members.map(chipLabel).join('\n')}>{list.members.map((member) => member.name || member.address).join(', ')}</span>
            <span className="address-book__actions">
              <button type="button" onClick={() => { composeMailto({ to: list.members.map((member) => member.address), cc: [], subject: '', body: '' }); onWrite(); }}>{t('contacts.write')}</button>
              <button type="button" onClick={() => setEditing({ list })} data-testid="contact-list-edit">{t('contacts.edit')}</button>
              <button type="button" onClick={() => setRemoving(list)} data-testid="contact-list-remove">{t('contacts.remove')}</button>
            </span>
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog title={t('contactLists.removeTitle', { name: removing.name })} text={t('contactLists.removeText')} confirmLabel={t('contacts.remove')}
          onConfirm={() => void remove(removing)} onClose={() => setRemoving(null)} />
      )}
    </section>
  );
}

/** A list's name and members; an address that is not one is named, and nothing is saved until it is mended. */
function ListEditor({ list, others, onDone, onCancel }: { list: ContactList | null; others: ContactList[]; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [name, setName] = useState(list?.name ?? '');
  const [members, setMembers] = useState(list ? list.members.map(chipLabel).join('\n') : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorShape | null>(null);
  const save = () => {
    if (others.some((other) => other.name.toLowerCase() === name.trim().toLowerCase())) return setProblem(t('contactLists.taken', { name: name.trim() }));
    const chips = parseAddressList(members);
    const invalid = chips.filter((chip) => !chip.valid);
    if (invalid.length > 0) return setProblem(t('contactLists.invalid', { addresses: invalid.map((chip) => chip.address).join(', ') }));
    if (chips.length === 0) return setProblem(t('contactLists.empty'));
    client.request('addresses.saveList', { ...(list && { id: list.id }), name: name.trim(), members: chips.map(({ name: n, address }) => ({ name: n, address })) })
      .then(onDone, (error: unknown) => setFailure(toErrorShape(error)));
  };
  return (
    <form className="address-book__list-editor" data-testid="contact-list-editor" onKeyDown={cancelOnEscape(onCancel)} onSubmit={(event) => { event.preventDefault(); save(); }}>
      <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('contactLists.name')} aria-label={t('contactLists.name')} data-testid="contact-list-name" autoFocus />
      <textarea value={members} onChange={(event) => setMembers(event.target.value)} rows={4} placeholder={t('contactLists.members')} aria-label={t('contactLists.members')} data-testid="contact-list-members" />
      {problem && <p className="dialog__error" role="alert" data-testid="contact-list-problem">{problem}</p>}
      {failure && <ErrorNotice error={failure} />}
      <div className="dialog__buttons">
        <button type="button" onClick={onCancel}>{t('dialog.cancel')}</button>
        <button type="submit" disabled={!name.trim() || !members.trim()} data-testid="contact-list-save">{t('contacts.save')}</button>
      </div>
    </form>
  );
}
