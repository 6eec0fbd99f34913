import type { ListFilter } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';

const FILTERS: Array<{ key: keyof ListFilter; label: StringKey }> = [
  { key: 'unread', label: 'filter.unread' },
  { key: 'flagged', label: 'filter.flagged' },
  { key: 'attachments', label: 'filter.attachments' },
];

/**
 * Thunderbird's quick filter: narrow the open folder to its unread, starred or attachment-carrying mail
 * (each pressed one narrows further). It belongs to the folder open now: another folder starts unfiltered.
 */
export function ListFilterControl({ filter, onFilter }: { filter: ListFilter; onFilter(filter: ListFilter): void }) {
  const t = useT();
  return (
    <div className="list-filter" role="group" aria-label={t('filter.label')}>
      {FILTERS.map(({ key, label }) => (
        <button key={key} type="button" className="list-filter__toggle" aria-pressed={filter[key] === true}
          onClick={() => onFilter({ ...filter, [key]: !filter[key] })} data-testid={`list-filter-${key}`}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}

/** Whether any filter is on (the list is narrowed). */
export function isFiltered(filter: ListFilter): boolean {
  return FILTERS.some(({ key }) => filter[key] === true);
}
