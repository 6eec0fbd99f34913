import type { FilterRef } from '../ipc/mail-shapes';
import type { Store } from '../store/store';

/**
 * The enabled filters, of any account, that move or copy mail into one of the folders: what a folder delete turns
 * off (as Thunderbird does), so that none goes on filing mail into Trash, or half runs once the folder is gone.
 */
export function filtersInto(store: Store, folderIds: readonly number[]): FilterRef[] {
  return store.filters.intoFolders(folderIds).map(({ id, accountId, name }) => ({ id, accountId, name }));
}

/**
 * Turns off the filters that move or copy mail into the folders, kept as they are for the user to point elsewhere
 * and turn on again; inside the delete's transaction. Returns them.
 */
export function turnOffFiltersInto(store: Store, folderIds: readonly number[]): FilterRef[] {
  const filters = filtersInto(store, folderIds);
  if (filters.length > 0) store.filters.setEnabled(filters.map((filter) => filter.id), false);
  return filters;
}
