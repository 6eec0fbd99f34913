import { MAX_PANE_WIDTH, MIN_PANE_WIDTH, type AppSettings } from '../../../src-main/ipc/contract';

export type PaneWidths = AppSettings['panes'];
export type Pane = keyof PaneWidths;

/** The widths after dragging one divider by `dx` pixels, each kept within the bounds the settings accept. */
export function resizePane(start: PaneWidths, pane: Pane, dx: number): PaneWidths {
  const width = Math.round(Math.min(MAX_PANE_WIDTH, Math.max(MIN_PANE_WIDTH, start[pane] + dx)));
  return { ...start, [pane]: width };
}

/** Where a divider stands: after the folders, or after the folders and the list. */
export function dividerOffset(widths: PaneWidths, pane: Pane): number {
  return pane === 'folders' ? widths.folders : widths.folders + widths.list;
}
