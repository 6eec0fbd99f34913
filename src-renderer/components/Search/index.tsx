import { forwardRef, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { actionKeyWords } from '../../shortcuts/key-words';
import { SearchOperatorsButton } from './search-operators-menu';
import './search-box.css';

/** Typing settles for this long before a search is asked for. */
const SETTLE_MS = 250;

interface SearchBoxProps {
  query: string;
  onQuery(query: string): void;
  /** Saves the query searched now (Thunderbird's Save as Search Folder). */
  onSave?(query: string): void;
  /** ↓, or Enter: the words are searched (if not yet) and the focus goes to the results. */
  onToResults?(): void;
}

/**
 * The search field above the message list (`/` or Ctrl+K focus it). A
 * non-empty query shows the results in the list; clearing it (×, Escape,
 * or deleting the words) returns to the folder that was open. While an input
 * method composes (pinyin becoming 会议) nothing is searched: the letters
 * typed so far are not the words meant.
 */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ query, onQuery, onSave, onToResults }, forwardedRef) {
  const t = useT();
  const input = useRef<HTMLInputElement | null>(null);
  const ref = (element: HTMLInputElement | null) => {
    input.current = element;
    if (typeof forwardedRef === 'function') forwardedRef(element);
    else if (forwardedRef) forwardedRef.current = element;
  };
  const [text, setText] = useState(query);
  const [composing, setComposing] = useState(false);
  // A query set from outside (another folder opened clears it) replaces the text; the one typed here keeps its spaces.
  useEffect(() => setText((current) => (current.trim() === query ? current : query)), [query]);
  useEffect(() => {
    if (composing || text.trim() === query) return;
    const timer = setTimeout(() => onQuery(text.trim()), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, query, onQuery, composing]);
  // Without waiting for the typing to settle: the results asked for are the words in the box now.
  const toResults = () => {
    if (text.trim() !== query) onQuery(text.trim());
    onToResults?.();
  };
  const clear = () => {
    setText('');
    onQuery('');
  };
  // An operator picked from the list joins the words typed; one that wants its value next ("from:", the minus) waits for it.
  const addOperator = (typed: string) => {
    const waits = typed.endsWith(':') || typed === '-';
    setText((current) => `${current.trimEnd()}${current.trim() ? ' ' : ''}${typed}${waits ? '' : ' '}`);
    input.current?.focus();
  };
  return (
    <form className="search-box" role="search" onSubmit={(event) => { event.preventDefault(); if (!composing) toResults(); }}>
      <input
        ref={ref}
        type="search"
        className="search-box__input"
        value={text}
        placeholder={t('search.placeholder', { keys: actionKeyWords('search', t) })}
        aria-label={t('search.label')}
        data-testid="search-box"
        onChange={(event) => setText(event.target.value)}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(event) => {
          setComposing(false);
          setText(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing || composing) return;
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            toResults();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            clear();
            event.currentTarget.blur();
          }
        }}
      />
      {text && (
        <button type="button" className="search-box__clear" onClick={clear} title={t('search.clear')} aria-label={t('search.clear')} data-testid="search-clear">
          ×
        </button>
      )}
      <SearchOperatorsButton onPick={addOperator} />
      {onSave && query && text.trim() === query && (
        <button type="button" className="search-box__save" onClick={() => onSave(query)} data-testid="search-save">
          {t('savedSearch.saveButton')}
        </button>
      )}
    </form>
  );
});
