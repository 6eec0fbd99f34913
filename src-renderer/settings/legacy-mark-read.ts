import { SettingsPatch, type AppSettings } from '../../src-main/ipc/contract';

/** Where the renderer kept the mark-read choice before it moved into settings.json. */
const LEGACY_KEY = 'wren.markRead';

/**
 * A mark-read choice this browser still holds from before settings.json had
 * it, if it is a valid one; null when there is none (or storage is off).
 */
export function legacyMarkRead(): AppSettings['markRead'] | null {
  try {
    const saved = localStorage.getItem(LEGACY_KEY);
    if (saved === null) return null;
    const parsed = SettingsPatch.safeParse({ app: { markRead: JSON.parse(saved) } });
    const markRead = parsed.success ? (parsed.data.app?.markRead ?? null) : null;
    if (!markRead) forgetLegacyMarkRead();
    return markRead;
  } catch {
    forgetLegacyMarkRead();
    return null;
  }
}

/** Once carried over (or found unusable) it is dropped, so it never overrides a later choice. */
export function forgetLegacyMarkRead(): void {
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}
