import { useLayoutEffect, type RefObject } from 'react';
import { FOCUSABLE } from './folder-pane-keys';

/** What Tab would otherwise stop at in the pane: every row, every account's heading and every twisty. */
const STOPS = `${FOCUSABLE}, .folder-row__twisty`;

/**
 * The folder pane is one Tab stop, as Thunderbird's is and WAI-ARIA's tree pattern asks (a "roving tabindex"):
 * Tab comes into the pane on the row last focused there, else the open folder, else the first row, and goes on
 * out of the pane; the arrow keys (folder-pane-keys.ts) move within it. The rows are many components' (views,
 * saved searches, each account's folders), so the stops are set here on the pane's elements, again whenever its
 * rows or the open folder change, and when the focus moves within it.
 */
export function useOneTabStop(pane: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root) return;
    let focused: HTMLElement | null = null;
    const settle = () => {
      const stops = [...root.querySelectorAll<HTMLElement>(STOPS)];
      const rows = stops.filter((stop) => stop.matches(FOCUSABLE));
      const kept = focused && root.contains(focused) ? focused : null;
      const chosen = kept ?? rows.find((row) => row.getAttribute('aria-current') === 'true') ?? rows[0];
      for (const stop of stops) stop.tabIndex = stop === chosen ? 0 : -1;
    };
    const onFocusIn = (event: FocusEvent) => {
      const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(FOCUSABLE) : null;
      if (!row) return;
      focused = row;
      settle();
    };
    settle();
    const watcher = new MutationObserver(settle);
    watcher.observe(root, { childList: true, subtree: true, attributeFilter: ['aria-current'] });
    root.addEventListener('focusin', onFocusIn);
    return () => {
      watcher.disconnect();
      root.removeEventListener('focusin', onFocusIn);
    };
  }, [pane]);
}
