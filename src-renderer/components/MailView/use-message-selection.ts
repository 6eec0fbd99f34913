import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { MessagePages } from '../MessageList/message-pages';

/** How a click changes the selection: plain, with Ctrl/Cmd (toggle one), with Shift (a range from the anchor). */
export type ClickMode = 'only' | 'toggle' | 'range';

interface SelectionState {
  /** The list's pages the selection belongs to: another folder (or search) starts with nothing selected. */
  owner: MessagePages | null;
  /** By message id, not row: rows shift as mail arrives or leaves, and a range can span pages never shown. */
  ids: ReadonlySet<number>;
  /** Where a shift-click or Shift+arrow range starts. */
  anchorId: number | null;
  /** The row the keyboard moves from. */
  focusId: number | null;
  /** Its row when it was chosen: the place the keyboard moves from once it left the list (see stepBase). */
  focusAt: number | null;
  /** The message the reading pane shows when exactly one is selected. */
  single: MessageSummary | null;
  /** Bumped when the keyboard moved the focus, so the list scrolls it into view. */
  scroll: { index: number; ticket: number } | null;
  /** Kept from the pages before (see selectionOver), its rows not yet looked for in these. */
  carried: boolean;
}

/** How many rows Next Unread looks through at a time. */
const UNREAD_STRETCH = 200;

const NOTHING: Omit<SelectionState, 'owner'> = { ids: new Set(), anchorId: null, focusId: null, focusAt: null, single: null, scroll: null, carried: false };

export interface MessageSelection {
  ids: ReadonlySet<number>;
  count: number;
  single: MessageSummary | null;
  focusId: number | null;
  scroll: SelectionState['scroll'];
  click(index: number, mode: ClickMode): Promise<void>;
  /** The keyboard's down (1) or up (-1); `extend` grows the range from the anchor instead. */
  step(delta: 1 | -1, extend: boolean): Promise<void>;
  /** Thunderbird's Next / Previous Unread: the first unread row below (1) or above (-1) the focus; false when there is none. */
  stepToUnread(delta: 1 | -1): Promise<boolean>;
  selectAll(): Promise<void>;
  /** Exactly this message, or nothing. */
  selectOnly(message: MessageSummary | null): void;
  /** These messages again, the focus (and the reading pane, when it is the only one) on `focus`: what an Undo brought back. */
  selectAgain(ids: number[], focus: MessageSummary): void;
  /** The selected messages whose rows are fetched (a selection can be larger than what is loaded). */
  selectedRows(): MessageSummary[];
  /**
   * A selected message that no longer exists leaves the selection and the reading pane; the keyboard goes on
   * from its place (see stepBase), as Thunderbird's pane empties when another device deletes what it shows.
   */
  forget(messageId: number): void;
}

/**
 * The row the keyboard steps from: the focus's, or, once the focus left the list (its thread ignored and hidden,
 * moved by a filter, deleted on another device), the place it had, so Down goes to the row that took it and Up to
 * the one above, as in Thunderbird, not back to the top.
 */
function stepBase(pages: MessagePages, state: Pick<SelectionState, 'focusId' | 'focusAt'>, delta: 1 | -1): number | Promise<number> {
  const found = () => (state.focusId === null ? -1 : pages.indexOf(state.focusId));
  // At once when the focus is here: keys pressed in a row each step from where the one before left it.
  if (found() >= 0 || state.focusAt === null) return found();
  const place = state.focusAt;
  // Its page may only have been let go (scrolled away from): fetched again, the focus is found there if it stayed.
  return pages.rowsBetween(place, place).then(() => (found() >= 0 ? found() : delta === 1 ? place - 1 : place));
}

/**
 * The selection over `pages`. Another order or quick filter over the same folder (or search) brings new pages yet keeps
 * what is selected, as in Thunderbird: emptying the filter's words must not close the message being read. Its row is
 * looked for anew (focusAt unknown); another folder or search starts with nothing selected.
 */
function selectionOver(state: SelectionState, pages: MessagePages | null): SelectionState {
  if (state.owner === pages) return state;
  const sameList = state.owner !== null && pages !== null && state.owner.folderId === pages.folderId && state.owner.query === pages.query;
  return sameList && state.ids.size > 0 ? { ...state, owner: pages, focusAt: null, scroll: null, carried: true } : { owner: pages, ...NOTHING };
}

/** Which messages of the open folder are selected, and which one the reading pane shows. */
export function useMessageSelection(pages: MessagePages | null): MessageSelection {
  const [state, setState] = useState<SelectionState>({ owner: pages, ...NOTHING });
  const current = selectionOver(state, pages);
  const latest = useRef(current);
  latest.current = current;
  const tickets = useRef(0);

  const commit = useCallback(
    (next: Partial<SelectionState>) => {
      const merged = { ...latest.current, owner: pages, carried: false, ...next };
      latest.current = merged;
      setState(merged);
    },
    [pages],
  );

  const choose = useCallback(
    (ids: Set<number>, focus: MessageSummary, anchorId: number | null, scrollIndex: number | null) => {
      const single = ids.size === 1 ? (ids.has(focus.id) ? focus : (pages?.byId([...ids][0]!) ?? null)) : null;
      const scroll = scrollIndex === null ? latest.current.scroll : { index: scrollIndex, ticket: ++tickets.current };
      const at = pages?.indexOf(focus.id) ?? -1;
      commit({ ids, anchorId, focusId: focus.id, focusAt: at >= 0 ? at : null, single, scroll });
    },
    [commit, pages],
  );

  const click = useCallback(
    async (index: number, mode: ClickMode) => {
      const message = pages?.rowAt(index);
      if (!pages || !message) return;
      const { ids, anchorId } = latest.current;
      if (mode === 'only') return choose(new Set([message.id]), message, message.id, null);
      if (mode === 'toggle') {
        const next = new Set(ids);
        if (next.has(message.id)) next.delete(message.id);
        else next.add(message.id);
        return choose(next, message, message.id, null);
      }
      const anchorIndex = anchorId === null ? -1 : pages.indexOf(anchorId);
      const from = anchorIndex >= 0 ? anchorIndex : index;
      const rows = pages.loadedBetween(from, index) ?? (await pages.rowsBetween(from, index));
      choose(new Set(rows.map((row) => row.id)), message, anchorIndex >= 0 ? anchorId : message.id, null);
    },
    [choose, pages],
  );

  const step = useCallback(
    async (delta: 1 | -1, extend: boolean) => {
      if (!pages?.total) return;
      const { anchorId } = latest.current;
      const base = stepBase(pages, latest.current, delta);
      const index = Math.min(Math.max((typeof base === 'number' ? base : await base) + delta, 0), pages.total - 1);
      const [target] = pages.loadedBetween(index, index) ?? (await pages.rowsBetween(index, index));
      if (!target) return;
      const anchorIndex = anchorId === null ? -1 : pages.indexOf(anchorId);
      if (!extend || anchorIndex < 0) return choose(new Set([target.id]), target, target.id, index);
      const rows = pages.loadedBetween(anchorIndex, index) ?? (await pages.rowsBetween(anchorIndex, index));
      choose(new Set(rows.map((row) => row.id)), target, anchorId, index);
    },
    [choose, pages],
  );

  const stepToUnread = useCallback(
    async (delta: 1 | -1) => {
      if (!pages?.total) return false;
      const base = stepBase(pages, latest.current, delta);
      const focusIndex = typeof base === 'number' ? base : await base;
      // A stretch at a time, fetching the pages not here yet: the next unread may be far below what was shown.
      for (let from = focusIndex + delta; from >= 0 && from < pages.total; from += delta * UNREAD_STRETCH) {
        const to = Math.min(Math.max(from + delta * (UNREAD_STRETCH - 1), 0), pages.total - 1);
        const rows = pages.loadedBetween(from, to) ?? (await pages.rowsBetween(from, to));
        const found = (delta === 1 ? rows : [...rows].reverse()).find((row) => !row.seen);
        if (found) {
          choose(new Set([found.id]), found, found.id, pages.indexOf(found.id));
          return true;
        }
      }
      return false;
    },
    [choose, pages],
  );

  const selectAll = useCallback(async () => {
    if (!pages?.total) return;
    const rows = pages.loadedBetween(0, pages.total - 1) ?? (await pages.rowsBetween(0, pages.total - 1));
    const focus = (latest.current.focusId !== null && pages.byId(latest.current.focusId)) || rows[0];
    if (focus) choose(new Set(rows.map((row) => row.id)), focus, latest.current.anchorId ?? focus.id, null);
  }, [choose, pages]);

  const selectOnly = useCallback(
    (message: MessageSummary | null) => {
      if (!message) return commit({ ...NOTHING });
      const index = pages?.indexOf(message.id) ?? -1;
      choose(new Set([message.id]), message, message.id, index >= 0 ? index : null);
    },
    [choose, commit, pages],
  );

  const selectAgain = useCallback(
    (ids: number[], focus: MessageSummary) => {
      const index = pages?.indexOf(focus.id) ?? -1;
      choose(new Set(ids), focus, focus.id, index >= 0 ? index : null);
    },
    [choose, pages],
  );

  const selectedRows = useCallback(
    () => [...latest.current.ids].flatMap((id) => pages?.byId(id) ?? []),
    [pages],
  );

  const forget = useCallback(
    (messageId: number) => {
      const { ids } = latest.current;
      if (!ids.has(messageId)) return;
      const rest = new Set(ids);
      rest.delete(messageId);
      // Of two selected, the one left is shown, as a selection of one always is.
      commit({ ids: rest, single: rest.size === 1 ? (pages?.byId([...rest][0]!) ?? null) : null });
    },
    [commit, pages],
  );

  // A selection kept across new pages (see selectionOver): once its focus's row is found, it is scrolled to; once
  // every row is here without it (a narrower filter left it out), the selection keeps only what is listed.
  useEffect(() => {
    const { ids, focusId, carried } = latest.current;
    if (!carried || !pages || pages.total === null) return;
    const at = focusId === null ? -1 : pages.indexOf(focusId);
    if (at >= 0) return commit({ focusAt: at, scroll: { index: at, ticket: ++tickets.current } });
    if (!pages.holdsEveryRow()) return;
    const listed = [...ids].filter((id) => pages.indexOf(id) >= 0);
    commit({ ids: new Set(listed), focusId: null, anchorId: null, single: listed.length === 1 ? (pages.byId(listed[0]!) ?? null) : null });
  });

  return useMemo(
    () => ({
      ids: current.ids,
      count: current.ids.size,
      single: current.single,
      focusId: current.focusId,
      scroll: current.scroll,
      click,
      step,
      stepToUnread,
      selectAll,
      selectOnly,
      selectAgain,
      selectedRows,
      forget,
    }),
    [current.ids, current.single, current.focusId, current.scroll, click, step, stepToUnread, selectAll, selectOnly, selectAgain, selectedRows, forget],
  );
}
