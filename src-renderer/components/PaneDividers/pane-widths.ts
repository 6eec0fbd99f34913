import { MAX_LIST_HEIGHT, MAX_PANE_WIDTH, MIN_LIST_HEIGHT, MIN_PANE_WIDTH, type AppSettings } from '../../../src-main/ipc/contract';

export type PaneWidths = AppSettings['panes'];
export type Pane = keyof PaneWidths;

/**
 * The reading pane keeps at least this width. Widths saved on a wider screen
 * (or dragged too far) would otherwise squeeze it to nothing in a 1000 px
 * window and push the page into a sideways scroll: the folder and list panes
 * give way instead, down to the settings' minimum.
 */
export const READING_MIN_WIDTH = 320;

/** The widths after dragging one divider by `dx` pixels, each kept within the bounds the settings accept. */
export function resizePane(start: PaneWidths, pane: Pane, dx: number): PaneWidths {
  const width = Math.round(Math.min(MAX_PANE_WIDTH, Math.max(MIN_PANE_WIDTH, start[pane] + dx)));
  return { ...start, [pane]: width };
}

/**
 * How the main window's panes stand: side by side (Vertical), the message
 * under the list (Classic), the list across the window over the folders and
 * the message (Wide), or the list alone (the message pane hidden).
 */
export type PaneArrangement = 'vertical' | 'classic' | 'wide' | 'listOnly';

/** The panes' grid columns: the saved widths where the window has room for them and the reading pane's minimum. */
export function paneColumns(widths: PaneWidths, arrangement: PaneArrangement = 'vertical'): string {
  const folders = `minmax(${MIN_PANE_WIDTH}px, ${widths.folders}px)`;
  if (arrangement !== 'vertical') return `${folders} minmax(${READING_MIN_WIDTH}px, 1fr)`;
  return `${folders} minmax(${MIN_PANE_WIDTH}px, ${widths.list}px) minmax(${READING_MIN_WIDTH}px, 1fr)`;
}

/** Classic and Wide: the list over the message, its height set by the divider between them. */
export function listOverMessage(arrangement: PaneArrangement): boolean {
  return arrangement === 'classic' || arrangement === 'wide';
}

/** The message under the list keeps at least this height. */
export const READING_MIN_HEIGHT = 160;

/**
 * The rows under the toolbar: Classic and Wide give the list the height its divider
 * was dragged to, or, before that, two parts of the height and the message
 * three, as Thunderbird starts; the message keeps its minimum either way.
 */
export function paneRows(arrangement: PaneArrangement, listHeight: number | null = null): string {
  if (!listOverMessage(arrangement)) return 'auto 1fr';
  const list = listHeight === null ? `minmax(${MIN_LIST_HEIGHT}px, 2fr)` : `minmax(${MIN_LIST_HEIGHT}px, ${listHeight}px)`;
  return `auto ${list} minmax(${READING_MIN_HEIGHT}px, ${listHeight === null ? '3fr' : '1fr'})`;
}

/** The list's height after dragging its divider by `dy` pixels, within the bounds the settings accept. */
export function resizeListHeight(start: number, dy: number): number {
  return Math.round(Math.min(MAX_LIST_HEIGHT, Math.max(MIN_LIST_HEIGHT, start + dy)));
}

/** The list's height as drawn (the grid's second row), so a drag starts where the divider is seen; else the saved one, or the least. */
export function drawnListHeight(grid: Element | null, saved: number | null): number {
  const rows = grid ? getComputedStyle(grid).gridTemplateRows.split(' ') : [];
  const drawn = rows.length === 3 && /^\d+(\.\d+)?px$/.test(rows[1]!) ? Math.round(parseFloat(rows[1]!)) : null;
  return drawn ?? saved ?? MIN_LIST_HEIGHT;
}

/**
 * The widths as drawn (the grid's resolved columns, less than the saved ones
 * in a narrow window), so a drag starts where the divider is seen; the saved
 * widths where the layout cannot say.
 */
export function drawnWidths(grid: Element | null, saved: PaneWidths): PaneWidths {
  const columns = grid ? getComputedStyle(grid).gridTemplateColumns.split(' ') : [];
  if (columns.length < 2 || !columns.every((column) => /^\d+(\.\d+)?px$/.test(column))) return saved;
  // Two columns (Classic, Wide, or no message pane): the list is as wide as the rest, its saved width kept for Vertical.
  return { folders: Math.round(parseFloat(columns[0]!)), list: columns.length === 3 ? Math.round(parseFloat(columns[1]!)) : saved.list };
}
