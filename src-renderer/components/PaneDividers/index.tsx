import { useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { drawnListHeight, drawnWidths, listOverMessage, paneColumns, paneRows, resizeListHeight, resizePane, type Pane, type PaneArrangement, type PaneWidths } from './pane-widths';
import './pane-dividers.css';

const KEY_STEP = 16;

/** How far one of the two arrow keys moves a focused divider (the key then goes no further); 0 for any other key. */
function arrowStep(event: KeyboardEvent<HTMLDivElement>, back: string, forward: string): number {
  const step = event.key === back ? -KEY_STEP : event.key === forward ? KEY_STEP : 0;
  if (step) {
    event.preventDefault();
    event.stopPropagation();
  }
  return step;
}

/**
 * Follows a pointer pressed on a divider until it lets go: `onMove` with how
 * far it went from where it was pressed, `onEnd` once released.
 */
function followPointer(event: PointerEvent<HTMLDivElement>, onMove: (dx: number, dy: number) => void, onEnd: () => void): void {
  const handle = event.currentTarget;
  const { clientX: startX, clientY: startY } = event;
  handle.setPointerCapture(event.pointerId);
  const move = (e: globalThis.PointerEvent) => onMove(e.clientX - startX, e.clientY - startY);
  const end = () => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', end);
    handle.removeEventListener('pointercancel', end);
    onEnd();
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', end);
  handle.addEventListener('pointercancel', end);
}

/**
 * The panes' arrangement (View ▸ Layout, the message pane shown or not), their
 * sizes (saved in the settings) and the drag handles between them: dragging
 * shows the new size at once and saves it once the pointer lets go; arrow keys
 * move a focused handle. Each handle is placed on its pane's grid track, so it
 * stays on the pane's edge where a narrow window draws the panes smaller than saved.
 */
export function usePaneLayout(): { style: CSSProperties; dividers: ReactNode; arrangement: PaneArrangement } {
  const t = useT();
  const { settings, update } = useSettings();
  const arrangement: PaneArrangement = !settings.app.messagePane ? 'listOnly' : settings.app.layout;
  const [dragged, setDragged] = useState<PaneWidths | null>(null);
  const [draggedHeight, setDraggedHeight] = useState<number | null>(null);
  const widths = dragged ?? settings.app.panes;
  const listHeight = draggedHeight ?? settings.app.listPaneHeight;
  const save = (panes: PaneWidths) => void update({ app: { panes } });
  const saveHeight = (listPaneHeight: number) => void update({ app: { listPaneHeight } });

  const startDrag = (pane: Pane) => (event: PointerEvent<HTMLDivElement>) => {
    const start = drawnWidths(event.currentTarget.parentElement, widths);
    let latest = start;
    followPointer(event, (dx) => setDragged((latest = resizePane(start, pane, dx))), () => {
      setDragged(null);
      if (latest !== start) save(latest);
    });
  };
  const startHeightDrag = (event: PointerEvent<HTMLDivElement>) => {
    const start = drawnListHeight(event.currentTarget.parentElement, listHeight);
    let latest = start;
    followPointer(event, (_dx, dy) => setDraggedHeight((latest = resizeListHeight(start, dy))), () => {
      setDraggedHeight(null);
      if (latest !== start) saveHeight(latest);
    });
  };
  const nudge = (pane: Pane) => (event: KeyboardEvent<HTMLDivElement>) => {
    const dx = arrowStep(event, 'ArrowLeft', 'ArrowRight');
    if (dx) save(resizePane(drawnWidths(event.currentTarget.parentElement, widths), pane, dx));
  };
  const nudgeHeight = (event: KeyboardEvent<HTMLDivElement>) => {
    const dy = arrowStep(event, 'ArrowUp', 'ArrowDown');
    if (dy) saveHeight(resizeListHeight(drawnListHeight(event.currentTarget.parentElement, listHeight), dy));
  };
  const divider = (pane: Pane) => (
    <div
      key={pane}
      className={`pane-divider pane-divider--${pane}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={t('panes.resize')}
      aria-valuenow={widths[pane]}
      tabIndex={0}
      onPointerDown={startDrag(pane)}
      onKeyDown={nudge(pane)}
      data-testid={`pane-divider-${pane}`}
    />
  );
  // Classic and Wide: between the list and what is under it.
  const heightDivider = (
    <div
      className="pane-divider pane-divider--list-height"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('panes.resize')}
      aria-valuenow={listHeight ?? undefined}
      tabIndex={0}
      onPointerDown={startHeightDrag}
      onKeyDown={nudgeHeight}
      data-testid="pane-divider-list-height"
    />
  );
  return {
    style: { gridTemplateColumns: paneColumns(widths, arrangement), gridTemplateRows: paneRows(arrangement, listHeight) },
    dividers: (
      <>
        {divider('folders')}
        {arrangement === 'vertical' && divider('list')}
        {listOverMessage(arrangement) && heightDivider}
      </>
    ),
    arrangement,
  };
}
