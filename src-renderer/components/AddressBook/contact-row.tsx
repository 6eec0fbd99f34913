import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Contact } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n-context';
import { cancelOnEscape } from '../Dialog/cancel-on-escape';

interface ContactRowProps {
  contact: Contact;
  onWrite(): void;
  onRename(name: string): Promise<unknown>;
  onRemove(): void;
}

/** One entry: its name (edited in place), address and uses, and Write, Edit, Remove. */
export function ContactRow({ contact, onWrite, onRename, onRemove }: ContactRowProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // The focus was in the name's box, gone now: to Edit, back in its place, where Escape still reaches the Address Book.
  const closeRename = () => {
    flushSync(() => setEditing(null));
    editButton.current?.focus();
  };
  const uses = t('contacts.uses', { count: contact.uses });
  return (
    <li className="address-book__contact" data-testid="contact">
      {editing === null ? (
        <span className="address-book__name" data-testid="contact-name">
          {contact.name || <span className="address-book__unnamed">{t('contacts.unnamed')}</span>}
          {contact.saved && <span className="address-book__saved" title={t('contacts.savedHint')}> ★</span>}
        </span>
      ) : (
        <form
          className="address-book__name"
          onKeyDown={cancelOnEscape(closeRename)}
          onSubmit={(event) => {
            event.preventDefault();
            void onRename(editing.trim()).then(closeRename);
          }}
        >
          <input value={editing} onChange={(event) => setEditing(event.target.value)} aria-label={t('contacts.name')} autoFocus data-testid="contact-name-input" />
          <button type="submit" data-testid="contact-name-save">{t('contacts.save')}</button>
        </form>
      )}
      <span className="address-book__address">{contact.address}</span>
      {/* A weighted count (mail sent to it counts thrice), so not "in N messages": Thunderbird's Popularity. */}
      <span className="address-book__uses" title={t('contacts.usesHint')}>{contact.uses > 0 ? uses : ''}</span>
      <span className="address-book__actions">
        <button type="button" onClick={onWrite} data-testid="contact-write">{t('contacts.write')}</button>
        {editing === null && <button type="button" ref={editButton} onClick={() => setEditing(contact.name)} data-testid="contact-edit">{t('contacts.edit')}</button>}
        <button type="button" className="dialog__danger" onClick={onRemove} data-testid="contact-remove">{t('contacts.remove')}</button>
      </span>
    </li>
  );
}
