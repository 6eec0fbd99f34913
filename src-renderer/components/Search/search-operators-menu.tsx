import { useState } from 'react';
import type { StringKey } from '../../i18n/en';
import { localDayText } from '../../format/format-date';
import { useT } from '../../i18n/i18n-context';
import { ContextMenu } from '../ContextMenu';

/** What each entry types into the box, and the words that say what it finds. */
function operatorEntries(today: Date): { typed: string; words: StringKey }[] {
  const monthAgo = localDayText(new Date(today.getFullYear(), today.getMonth() - 1, today.getDate()));
  return [
    { typed: 'is:unread', words: 'search.op.unread' },
    { typed: 'is:read', words: 'search.op.read' },
    { typed: 'is:starred', words: 'search.op.flagged' },
    { typed: 'is:answered', words: 'search.op.answered' },
    { typed: 'has:attachment', words: 'search.op.attachment' },
    { typed: 'tag:important', words: 'search.op.tag' },
    { typed: 'from:', words: 'search.op.from' },
    { typed: 'to:', words: 'search.op.to' },
    { typed: 'subject:', words: 'search.op.subject' },
    { typed: 'body:', words: 'search.op.body' },
    { typed: 'in:inbox', words: 'search.op.in' },
    { typed: 'account:', words: 'search.op.account' },
    { typed: '-', words: 'search.op.not' },
    { typed: 'OR', words: 'search.op.or' },
    { typed: `after:${monthAgo}`, words: 'search.op.after' },
    { typed: `before:${monthAgo}`, words: 'search.op.before' },
    { typed: 'newer_than:7d', words: 'search.op.newer' },
    { typed: 'older_than:1y', words: 'search.op.older' },
    { typed: 'larger:5M', words: 'search.op.larger' },
    { typed: 'smaller:100K', words: 'search.op.smaller' },
  ];
}

/**
 * The search box's operators, listed where they are needed (Gmail's, which
 * the search understands; Thunderbird keeps them in a dialog of its own).
 * Picking one adds it to the words already typed.
 */
export function SearchOperatorsButton({ onPick }: { onPick(typed: string): void }) {
  const t = useT();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  return (
    <>
      <button
        type="button"
        className="search-box__operators"
        title={t('search.operators')}
        aria-label={t('search.operators')}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        data-testid="search-operators"
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setAt({ x: box.left, y: box.bottom + 2 });
        }}
      >
        ▾
      </button>
      {at && (
        <ContextMenu
          at={at}
          label={t('search.operators')}
          onClose={() => setAt(null)}
          items={operatorEntries(new Date()).map(({ typed, words }) => ({
            label: t(words),
            detail: typed,
            testId: `search-op-${words.slice('search.op.'.length)}`,
            onSelect: () => onPick(typed),
          }))}
        />
      )}
    </>
  );
}
