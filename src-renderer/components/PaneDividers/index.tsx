import { useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { drawnWidths, paneColumns, paneRows, resizePane, type Pane, type PaneArrangement, type PaneWidths } from './pane-widths';
import './pane-dividers.css';

const KEY_STEP = 16;

/**
 * The panes' arrangement (View ▸ Layout, the message pane shown or not), the folder and list panes' widths (saved in the settings) and the drag
 * handles between the panes: dragging shows the new widths at once and saves
 * them once the pointer lets go; arrow keys move a focused handle. Each
 * handle is placed on its pane's grid column, so it stays on the pane's edge
 * where a narrow window draws the panes narrower than saved.
 */
export function usePaneWidths(): { style: CSSProperties; dividers: ReactNode; arrangement: PaneArrangement } {
  const t = useT();
  const { settings, update } = useSettings();
  const arrangement: PaneArrangement = !settings.app.messagePane ? 'listOnly' : settings.app.layout;
  const [dragged, setDragged] = useState<PaneWidths | null>(null);
  const widths = dragged ?? settings.app.panes;
  const save = (panes: PaneWidths) => void update({ app: { panes } });

  const startDrag = (pane: Pane) => (event: PointerEvent<HTMLDivElement>) => {
    const start = drawnWidths(event.currentTarget.parentElement, widths);
    const startX = event.clientX;
    let latest = start;
    event.currentTarget.setPointerCapture(event.pointerId);
    const handle = event.currentTarget;
    const move = (e: globalThis.PointerEvent) => {
      latest = resizePane(start, pane, e.clientX - startX);
      setDragged(latest);
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      setDragged(null);
      if (latest !== start) save(latest);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  const nudge = (pane: Pane) => (event: KeyboardEvent<HTMLDivElement>) => {
    const dx = event.key === 'ArrowLeft' ? -KEY_STEP : event.key === 'ArrowRight' ? KEY_STEP : 0;
    if (!dx) return;
    event.preventDefault();
    event.stopPropagation();
    save(resizePane(drawnWidths(event.currentTarget.parentElement, widths), pane, dx));
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
  return {
    style: { gridTemplateColumns: paneColumns(widths, arrangement), gridTemplateRows: paneRows(arrangement) },
    // The list's divider stands between the list and the message, side by side only.
    dividers: (
      <>
        {divider('folders')}
        {arrangement === 'vertical' && divider('list')}
      </>
    ),
    arrangement,
  };
}
