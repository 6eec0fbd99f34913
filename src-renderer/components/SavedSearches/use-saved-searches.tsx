import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SavedSearch } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { useCoalesced } from '../../hooks/use-coalesced';
import { useRequest } from '../../hooks/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { ContextMenu } from '../ContextMenu';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { NameDialog } from '../Dialog/name-dialog';
import { useToasts } from '../Toasts/toast-context';

type Dialog = { kind: 'save'; query: string } | { kind: 'rename' | 'remove'; search: SavedSearch } | { kind: 'menu'; search: SavedSearch; at: { x: number; y: number } };

export interface SavedSearchesState {
  searches: SavedSearch[];
  /** Each one's unread messages, by id (absent until counted). */
  unread: ReadonlyMap<number, number>;
  /** Asks a name for the search box's query, then saves it. */
  save(query: string): void;
  /** A saved search's right click: Rename…, Delete. */
  openMenu(search: SavedSearch, at: { x: number; y: number }): void;
  /** The dialog or menu open now, if any. */
  overlay: ReactNode;
}

/** Counts follow every synced batch and every change: one count of them all per this interval is plenty. */
const COUNT_DELAY_MS = 1000;

/** The saved searches' unread counts, counted again after the store changes, and when the list itself does. */
function useUnreadCounts(searches: SavedSearch[] | null): ReadonlyMap<number, number> {
  const any = searches !== null && searches.length > 0;
  const counts = useRequest('searches.unread', any ? {} : null);
  const countSoon = useCoalesced(() => counts.reload(), COUNT_DELAY_MS);
  useClientEvent('store.changed', () => any && countSoon(0));
  // A search saved, renamed to another query or removed: counted again (the first list is counted by the request itself).
  const listed = searches?.map((search) => `${search.id}:${search.query}`).join('\n') ?? null;
  const firstListed = useRef(listed);
  useEffect(() => {
    if (listed !== firstListed.current && any) counts.reload();
  }, [listed]);
  return useMemo(() => new Map((counts.data ?? []).map(({ searchId, unread }) => [searchId, unread])), [counts.data]);
}

/** The saved searches, and the dialogs that save, rename and remove them. */
export function useSavedSearches(): SavedSearchesState {
  const { t } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const list = useRequest('searches.list', {});
  useOnReconnect(list.reload);
  const unread = useUnreadCounts(list.data);
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
    unread,
    save: (query) => setDialog({ kind: 'save', query }),
    openMenu: (search, at) => setDialog({ kind: 'menu', search, at }),
    overlay,
  };
}
