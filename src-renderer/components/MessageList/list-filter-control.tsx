import { useEffect, useRef, useState } from 'react';
import { LIST_FILTER_KEYS, MAX_FILTER_TEXT, type ListFilter } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';

const LABELS: Record<(typeof LIST_FILTER_KEYS)[number], StringKey> = {
  unread: 'filter.unread', flagged: 'filter.flagged', attachments: 'filter.attachments', tagged: 'filter.tagged',
};

/** Typing waits this long before the list is asked again: one request per pause, not per key. */
const TYPING_PAUSE_MS = 250;

/** The quick filter's text box, focused by Ctrl+Shift+K as Thunderbird's is. */
export const QUICK_FILTER_TEXT_ID = 'quick-filter-text';

/**
 * Thunderbird's quick filter: narrow the open folder to its unread, starred or attachment-carrying mail
 * (each pressed one narrows further), and to messages whose sender, recipients or subject hold the words
 * typed. It belongs to the folder open now: another folder starts unfiltered (the caller keys it by folder).
 */
export function ListFilterControl({ filter, onFilter }: { filter: ListFilter; onFilter(filter: ListFilter): void }) {
  const t = useT();
  const [text, setText] = useState(filter.text ?? '');
  // The switches may change while the words wait for the pause: the latest filter is the one narrowed.
  const latest = useRef(filter);
  latest.current = filter;
  useEffect(() => {
    if (text === (latest.current.text ?? '')) return undefined;
    const timer = setTimeout(() => onFilter({ ...latest.current, text }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, onFilter]);
  return (
    <div className="list-filter" role="group" aria-label={t('filter.label')}>
      {LIST_FILTER_KEYS.map((key) => (
        <button key={key} type="button" className="list-filter__toggle" aria-pressed={filter[key] === true}
          onClick={() => onFilter({ ...filter, [key]: !filter[key] })} data-testid={`list-filter-${key}`}>
          {t(LABELS[key])}
        </button>
      ))}
      <input id={QUICK_FILTER_TEXT_ID} type="search" className="list-filter__text" value={text} maxLength={MAX_FILTER_TEXT}
        placeholder={t('filter.textPlaceholder')} aria-label={t('filter.text')} title={t('filter.textTitle')}
        onChange={(event) => setText(event.target.value)}
        // Escape empties the box first, as Thunderbird's does; the list's own Escape (clear the selection) waits for the next one.
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.stopPropagation();
            setText('');
          }
        }}
        data-testid="list-filter-text" />
    </div>
  );
}
