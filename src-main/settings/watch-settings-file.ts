import { unwatchFile, watchFile } from 'node:fs';
import type { SettingsService } from './settings-service';

const POLL_MS = 2000;

/** Picks up changes another process (the CLI) writes to the settings file; polled, as fs.watch misses renames on some systems. */
export function watchSettingsFile(settings: SettingsService): () => void {
  const onChange = () => {
    try {
      settings.reload();
    } catch {
      // Unreadable for a moment (a full disk, permissions): the settings in memory stay until the next change.
    }
  };
  watchFile(settings.path, { interval: POLL_MS, persistent: false }, onChange);
  return () => unwatchFile(settings.path, onChange);
}
