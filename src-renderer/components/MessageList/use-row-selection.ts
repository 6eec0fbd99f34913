import { useState, type KeyboardEvent } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { MessagePages } from './message-pages';

/** Click or arrow keys select a row; the row is scrolled into view (and so fetched) first. */
export function useRowSelection(
  pages: MessagePages,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  onSelect: (message: MessageSummary) => void,
) {
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);

  const select = (index: number) => {
    setSelectedIndex(index);
    virtualizer.scrollToIndex(index);
    const message = pages.rowAt(index);
    if (message) onSelect(message);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || !pages.total) return;
    event.preventDefault();
    select(Math.min(Math.max((selectedIndex ?? -1) + step, 0), pages.total - 1));
  };

  return { select, onKeyDown };
}
