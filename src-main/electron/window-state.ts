import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** Where and how big the window was: a file of its own (`window-state.json`), written as the window moves. */
export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A window this much inside some screen can still be grabbed and moved back. */
const MIN_VISIBLE = 100;

export function readWindowState(path: string): WindowState {
  try {
    return WindowState.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}

/**
 * The saved state, fitted to the screens there are now: a window saved on a
 * monitor since unplugged comes back centred on the main one (no position),
 * and it is never larger than the largest screen.
 */
export function fitToScreens(state: WindowState, workAreas: readonly Area[]): WindowState {
  if (workAreas.length === 0) return state;
  const widest = Math.max(...workAreas.map((a) => a.width));
  const tallest = Math.max(...workAreas.map((a) => a.height));
  const fitted = { ...state, width: Math.min(state.width, widest), height: Math.min(state.height, tallest) };
  if (state.x === undefined || state.y === undefined) return { ...fitted, x: undefined, y: undefined };
  const { x, y } = state;
  const visible = workAreas.some((a) => overlap(x, fitted.width, a.x, a.width) >= MIN_VISIBLE && overlap(y, fitted.height, a.y, a.height) >= MIN_VISIBLE);
  return visible ? fitted : { ...fitted, x: undefined, y: undefined };
}

function overlap(start: number, length: number, areaStart: number, areaLength: number): number {
  return Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart);
}

export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Area;
  isMaximized(): boolean;
}

const SAVE_DELAY_MS = 500;

/** Saves the window's state a moment after it stops moving or resizing, and at once when it closes. */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowState => ({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => save(current()), SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save(current());
  });
  return () => clearTimeout(timer);
}
