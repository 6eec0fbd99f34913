import { LIST_FILTER_KEYS, type ListFilter } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';

const LABELS: Record<(typeof LIST_FILTER_KEYS)[number], StringKey> = { unread: 'filter.unread', flagged: 'filter.flagged', attachments: 'filter.attachments' };

/**
 * Thunderbird's quick filter: narrow the open folder to its unread, starred or attachment-carrying mail
 * (each pressed one narrows further). It belongs to the folder open now: another folder starts unfiltered.
 */
export function ListFilterControl({ filter, onFilter }: { filter: ListFilter; onFilter(filter: ListFilter): void }) {
  const t = useT();
  return (
    <div className="list-filter" role="group" aria-label={t('filter.label')}>
      {LIST_FILTER_KEYS.map((key) => (
        <button key={key} type="button" className="list-filter__toggle" aria-pressed={filter[key] === true}
          onClick={() => onFilter({ ...filter, [key]: !filter[key] })} data-testid={`list-filter-${key}`}>
          {t(LABELS[key])}
        </button>
      ))}
    </div>
  );
}
