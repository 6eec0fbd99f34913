import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Contact, SavedContact } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { isValidAddress } from '../Composer/address-list';
import { useCompose } from '../Composer/compose-context';
import { Dialog } from '../Dialog';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { ErrorNotice } from '../ErrorNotice';
import { Spinner } from '../Spinner';
import { useToasts } from '../Toasts/toast-context';
import { ContactRow } from './contact-row';
import { ContactLists } from './contact-lists';
import { fileBase64, importedLines } from './vcard-import';
import './address-book.css';

/** A page shows this many; more is said, to be found by searching. */
const PAGE = 200;
const SEARCH_DELAY_MS = 150;

/**
 * Thunderbird's Address Book over what Wren collects from mail: search, write to someone, name or add an
 * entry (a name the user gave stays), remove one, and vCard files in (from Thunderbird, Outlook, Google, a
 * phone) and out.
 */
export function AddressBook({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const { composeMailto } = useCompose();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<{ total: number; items: Contact[] } | null>(null);
  const [error, setError] = useState<ErrorShape | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);

  const load = useCallback(
    (text: string) => client.request('addresses.list', { query: text, limit: PAGE }).then(setPage, (failure: unknown) => setError(toErrorShape(failure))),
    [client],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [load, query]);

  const run = (work: Promise<unknown>) => work.then(() => load(query), (failure: unknown) => setError(toErrorShape(failure)));
  const exportFile = async () => {
    const { vcard, count } = await client.request('addresses.exportVcard', {});
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([vcard], { type: 'text/vcard' }));
    link.download = 'wren-contacts.vcf';
    link.click();
    URL.revokeObjectURL(link.href);
    toasts.show({ tone: 'info', lines: [{ key: 'contacts.exported', values: { count } }] });
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    const result = await client.request('addresses.importVcard', { base64: await fileBase64(file) });
    toasts.show({ tone: 'info', lines: importedLines(result) });
    await load(query);
  };
  const fail = (failure: unknown) => setError(toErrorShape(failure));
  // The book holds an address once: one added again is named anew, and the user is told it was there.
  const sayIfAlreadyThere = (saved: SavedContact) => {
    if (saved.previousName === null) return;
    const previous = saved.previousName || t('contacts.unnamed');
    toasts.show({
      tone: 'info',
      lines: [saved.previousName === saved.name
        ? { key: 'contacts.alreadyThere', values: { address: saved.address } }
        : { key: 'contacts.renamedExisting', values: { address: saved.address, previous, name: saved.name || t('contacts.unnamed') } }],
    });
  };

  // The form empties only once the entry is saved (a refused one stays to be mended), and before the book
  // is listed again: a user typing the next entry as soon as the toast shows must not have it wiped.
  const addContact = async (name: string, address: string, clearForm: () => void) => {
    let saved: SavedContact;
    try {
      saved = await client.request('addresses.save', { name, address });
    } catch (failure) {
      fail(failure);
      return;
    }
    clearForm();
    sayIfAlreadyThere(saved);
    await load(query);
  };

  return (
    <Dialog title={t('contacts.title')} onClose={onClose} testId="address-book" wide>
      <div className="address-book">
        <div className="address-book__bar">
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t('contacts.search')} aria-label={t('contacts.search')} data-testid="contacts-search" autoFocus />
          <button type="button" onClick={() => fileInput.current?.click()} data-testid="contacts-import">{t('contacts.import')}</button>
          <input ref={fileInput} type="file" accept=".vcf,text/vcard,text/x-vcard" hidden onChange={(event) => void importFile(event).catch(fail)} data-testid="contacts-import-file" />
          <button type="button" onClick={() => void exportFile().catch(fail)} data-testid="contacts-export">{t('contacts.export')}</button>
        </div>
        {error && <ErrorNotice error={error} />}
        <ContactLists onWrite={onClose} />
        <NewContact onSave={addContact} />
        {/* Until the first page comes the book would look empty: it says it is loading where its count will be. */}
        {!page && !error && (
          <p className="address-book__count" role="status" data-testid="contacts-loading">
            <Spinner />
            {t('contacts.loading')}
          </p>
        )}
        {page && (
          <>
            <p className="address-book__count" data-testid="contacts-count">
              {page.total > page.items.length ? t('contacts.countMore', { count: page.total, shown: page.items.length }) : t('contacts.count', { count: page.total })}
            </p>
            <ul className="address-book__list" data-testid="contacts-list">
              {page.items.map((contact) => (
                <ContactRow
                  key={contact.address}
                  contact={contact}
                  onWrite={() => {
                    composeMailto({ to: [contact.address], cc: [], subject: '', body: '' });
                    onClose();
                  }}
                  onRename={(name) => run(client.request('addresses.save', { name, address: contact.address }))}
                  onRemove={() => setRemoving(contact)}
                />
              ))}
            </ul>
          </>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('contacts.removeTitle')}
          text={t('contacts.removeText', { address: removing.address })}
          confirmLabel={t('contacts.remove')}
          onConfirm={() => void run(client.request('addresses.forget', { address: removing.address }))}
          onClose={() => setRemoving(null)}
        />
      )}
    </Dialog>
  );
}

function NewContact({ onSave }: { onSave(name: string, address: string, clearForm: () => void): Promise<void> }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const valid = isValidAddress(address.trim());
  return (
    <form
      className="address-book__new"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void onSave(name.trim(), address.trim(), () => {
          setName('');
          setAddress('');
        });
      }}
    >
      <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('contacts.name')} aria-label={t('contacts.name')} data-testid="contacts-new-name" />
      <input value={address} onChange={(event) => setAddress(event.target.value)} placeholder={t('contacts.address')} aria-label={t('contacts.address')}
        aria-invalid={address.trim() !== '' && !valid} data-testid="contacts-new-address" />
      <button type="submit" disabled={!valid} data-testid="contacts-add">{t('contacts.add')}</button>
      {address.trim() !== '' && !valid && (
        <p className="address-book__invalid" role="status" data-testid="contacts-new-invalid">{t('compose.invalidAddress', { address: address.trim() })}</p>
      )}
    </form>
  );
}
