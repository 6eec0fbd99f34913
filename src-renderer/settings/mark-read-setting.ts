/**
 * When an opened message counts as read. The default waits a moment, as
 * Thunderbird does, so moving through the list with the arrow keys does not
 * mark every message passed over. Kept in the browser's storage until Wren
 * has a settings file.
 */
export type MarkReadMode = 'opened' | 'delay' | 'never';

export interface MarkReadSetting {
  mode: MarkReadMode;
  delaySeconds: number;
}

export const MARK_READ_MODES: readonly MarkReadMode[] = ['opened', 'delay', 'never'];
export const DEFAULT_MARK_READ: MarkReadSetting = { mode: 'delay', delaySeconds: 2 };
export const MAX_DELAY_SECONDS = 600;

const STORAGE_KEY = 'wren.markRead';
const listeners = new Set<() => void>();
let current: MarkReadSetting | null = null;

export function markReadSetting(): MarkReadSetting {
  current ??= readSaved() ?? DEFAULT_MARK_READ;
  return current;
}

export function saveMarkReadSetting(next: MarkReadSetting): void {
  current = { mode: next.mode, delaySeconds: clampDelay(next.delaySeconds) };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage can be disabled; the choice then lasts for this session only.
  }
  listeners.forEach((listener) => listener());
}

export function onMarkReadSettingChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function clampDelay(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_MARK_READ.delaySeconds;
  return Math.min(Math.max(Math.round(seconds), 1), MAX_DELAY_SECONDS);
}

function readSaved(): MarkReadSetting | null {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<MarkReadSetting> | null;
    const mode = MARK_READ_MODES.find((value) => value === saved?.mode);
    if (!mode) return null;
    return { mode, delaySeconds: clampDelay(Number(saved?.delaySeconds)) };
  } catch {
    return null;
  }
}
