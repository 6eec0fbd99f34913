import { useState, type ReactNode } from 'react';
import type { SavedSearch } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useOnReconnect } from '../../hooks/use-client-event';
import { useRequest } from '../../hooks/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { ContextMenu } from '../ContextMenu';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { NameDialog } from '../Dialog/name-dialog';
import { useToasts } from '../Toasts/toast-context';

type Dialog = { kind: 'save'; query: string } | { kind: 'rename' | 'remove'; search: SavedSearch } | { kind: 'menu'; search: SavedSearch; at: { x: number; y: number } };

export interface SavedSearchesState {
  searches: SavedSearch[];
  /** Asks a name for the search box's query, then saves it. */
  save(query: string): void;
  /** A saved search's right click: Rename…, Delete. */
  openMenu(search: SavedSearch, at: { x: number; y: number }): void;
  /** The dialog or menu open now, if any. */
  overlay: ReactNode;
}

/** The saved searches, and the dialogs that save, rename and remove them. */
export function useSavedSearches(): SavedSearchesState {
  const { t } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const list = useRequest('searches.list', {});
  useOnReconnect(list.reload);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const saved = (search: SavedSearch, key: 'savedSearch.saved' | 'savedSearch.renamed') => {
    list.reload();
    toasts.show({ tone: 'info', lines: [{ key, values: { name: search.name } }] });
  };
  let overlay: ReactNode = null;
  if (dialog?.kind === 'save') {
    // A refusal (a query with nothing to look for) is said in the dialog, which stays open.
    const save = (name: string) => client.request('searches.save', { name, query: dialog.query }).then((search) => saved(search, 'savedSearch.saved'));
    overlay = <NameDialog title={t('savedSearch.saveTitle', { query: dialog.query })} label={t('savedSearch.name')} initial={dialog.query} submitLabel={t('savedSearch.save')} onSubmit={save} onClose={close} />;
  } else if (dialog?.kind === 'rename') {
    const { search } = dialog;
    const rename = (name: string) => client.request('searches.save', { id: search.id, name, query: search.query }).then((renamed) => saved(renamed, 'savedSearch.renamed'));
    overlay = <NameDialog title={t('savedSearch.renameTitle', { name: search.name })} label={t('savedSearch.name')} initial={search.name} submitLabel={t('savedSearch.rename')} onSubmit={rename} onClose={close} />;
  } else if (dialog?.kind === 'remove') {
    const { search } = dialog;
    const remove = () =>
      client.request('searches.remove', { searchId: search.id }).then(list.reload, (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }));
    overlay = <ConfirmDialog title={t('savedSearch.removeTitle', { name: search.name })} text={t('savedSearch.removeText')} confirmLabel={t('savedSearch.remove')} onConfirm={() => void remove()} onClose={close} />;
  } else if (dialog?.kind === 'menu') {
    const { search } = dialog;
    overlay = (
      <ContextMenu at={dialog.at} label={t('savedSearch.menu')} onClose={close} items={[
        { label: t('savedSearch.renameItem'), testId: 'saved-search-rename', onSelect: () => setDialog({ kind: 'rename', search }) },
        { label: t('savedSearch.removeItem'), testId: 'saved-search-remove', danger: true, onSelect: () => setDialog({ kind: 'remove', search }) },
      ]} />
    );
  }
  return {
    searches: list.data ?? [],
    save: (query) => setDialog({ kind: 'save', query }),
    openMenu: (search, at) => setDialog({ kind: 'menu', search, at }),
    overlay,
  };
}
