import type { FilterRef } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import type { Translate } from '../../i18n/translate';

/**
 * The sentence naming the filters a folder delete or Empty Trash turns off, each by its name in quotes; none, no
 * words. `key` says where they file mail, given {count} and {names} (and `values`).
 */
export function filtersOffWords(t: Translate, filters: FilterRef[], key: StringKey, values: Record<string, string | number> = {}): string[] {
  if (filters.length === 0) return [];
  const names = filters.map((filter) => t('folderDialog.filterName', { name: filter.name })).join(t('list.separator'));
  return [t(key, { ...values, count: filters.length, names })];
}
