import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessagePages } from '../MessageList/message-pages';
import type { MessageSelection } from './use-message-selection';

/**
 * From the search box to its results, as Thunderbird's ↓ from its search and quick filter boxes: once the list asked
 * for has its rows, the focus goes to it with the first row selected (or the selection there already). A list
 * found empty leaves the focus in the box, where the words can be changed.
 */
export function useFocusResults(pages: MessagePages | null, selection: MessageSelection) {
  const list = useRef<HTMLDivElement>(null);
  const [asked, setAsked] = useState(false);
  const total = pages?.total ?? null;
  useEffect(() => {
    if (!asked || !pages || total === null) return;
    setAsked(false);
    const first = pages.rowAt(0);
    if (total === 0 || !first) return;
    if (selection.count === 0) selection.selectOnly(first);
    list.current?.focus();
  }, [asked, pages, total, selection]);
  return { list, focusResults: useCallback(() => setAsked(true), []) };
}
