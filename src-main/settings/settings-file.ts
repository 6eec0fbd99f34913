import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toLocalFault } from '../errors/local-fault';
import { parseSettings, type ParsedSettings } from './parse-settings';
import type { Settings } from './settings-schema';

export const SETTINGS_FILE_NAME = 'settings.json';
const FORMAT_VERSION = 1;

export function settingsPath(dataDir: string): string {
  return join(dataDir, SETTINGS_FILE_NAME);
}

/** The file's settings; a missing file gives the defaults, a broken one the defaults plus what was wrong. */
export function readSettingsFile(path: string): ParsedSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return parseSettings({});
    throw toLocalFault(error) ?? error;
  }
  try {
    return parseSettings(JSON.parse(text));
  } catch (error) {
    const parsed = parseSettings({});
    return { ...parsed, problems: [`${SETTINGS_FILE_NAME} is not valid JSON (${(error as Error).message}), defaults used`] };
  }
}

/**
 * Writes atomically: a temp file beside it, flushed, renamed over the old
 * one, then the folder flushed, so a crash leaves the old file or the new one,
 * never half of either.
 */
export function writeSettingsFile(path: string, settings: Settings): void {
  const temp = `${path}.${process.pid}.tmp`;
  const body = `${JSON.stringify({ version: FORMAT_VERSION, ...settings }, null, 2)}\n`;
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, body);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    flushFolder(dirname(path));
  } catch (error) {
    rmSync(temp, { force: true });
    throw toLocalFault(error) ?? error;
  }
}

function flushFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems (Windows) cannot open a folder to flush it; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
