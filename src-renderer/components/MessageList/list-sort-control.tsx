import { LIST_SORT_KEYS, naturalListSort, type FolderRole, type ListSort } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';

type SortKey = ListSort['by'];

const LABELS: Record<SortKey, StringKey> = { date: 'sort.date', from: 'sort.from', subject: 'sort.subject', size: 'sort.size', priority: 'sort.priority' };

/** The words of each direction: what comes first, for the key chosen. */
const DIRECTIONS: Record<SortKey, { descending: StringKey; ascending: StringKey }> = {
  date: { descending: 'sort.newestFirst', ascending: 'sort.oldestFirst' },
  from: { descending: 'sort.zToA', ascending: 'sort.aToZ' },
  subject: { descending: 'sort.zToA', ascending: 'sort.aToZ' },
  size: { descending: 'sort.largestFirst', ascending: 'sort.smallestFirst' },
  priority: { descending: 'sort.highestFirst', ascending: 'sort.lowestFirst' },
};

/**
 * How a folder's list is sorted, as Thunderbird's column headers let one choose: by date, sender (the
 * recipient in Sent and Drafts, whom the rows show there), subject (without "Re:"), size or priority, either way.
 * Beside it, Thunderbird's threaded view: replies under what they answer. Saved in the settings, so every
 * folder and the next start keep both. `threads`: whether the list can be arranged in threads (a folder's);
 * without it the switch is not offered, as it would change nothing.
 */
export function ListSortControl({ folderRole, threads: offersThreads }: { folderRole: FolderRole | null; threads: boolean }) {
  const t = useT();
  const { settings, update } = useSettings();
  const sort = settings.app.listSort;
  const threads = settings.app.listThreads;
  const save = (listSort: ListSort) => void update({ app: { listSort } });
  const recipients = folderRole === 'sent' || folderRole === 'drafts';
  const label = (key: SortKey) => t(key === 'from' && recipients ? 'sort.to' : LABELS[key]);
  const direction = DIRECTIONS[sort.by][sort.descending ? 'descending' : 'ascending'];
  return (
    <span className="list-sort">
      <select
        aria-label={t('sort.label')}
        value={sort.by}
        onChange={(event) => save(naturalListSort(event.target.value as SortKey))}
        data-testid="list-sort-by"
      >
        {LIST_SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {label(key)}
          </option>
        ))}
      </select>
      <button type="button" className="list-sort__direction" title={t(direction)} aria-label={t(direction)} onClick={() => save({ ...sort, descending: !sort.descending })} data-testid="list-sort-direction">
        {sort.descending ? '↓' : '↑'}
      </button>
      {offersThreads && (
        <button
          type="button"
          className="list-sort__threads"
          aria-pressed={threads}
          title={t('sort.threadsHint')}
          onClick={() => void update({ app: { listThreads: !threads } })}
          data-testid="list-threads"
        >
          {t('sort.threads')}
        </button>
      )}
    </span>
  );
}
