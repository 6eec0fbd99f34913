import { WrenError } from './wren-error';
import type { ErrorCode } from './error-codes';

/**
 * Faults of this machine, not of the network: the disk, the data folder, the
 * database file. Errno codes come from node:fs, SQLITE_* codes from
 * better-sqlite3 (extended codes such as SQLITE_IOERR_WRITE start with the
 * primary one). None of these means "offline", and none is worth retrying
 * on a timer as if the server were away.
 */
const LOCAL_FAULTS: [prefix: string, code: ErrorCode][] = [
  ['ENOSPC', 'DiskFull'],
  ['EDQUOT', 'DiskFull'],
  ['SQLITE_FULL', 'DiskFull'],
  ['EROFS', 'DataReadOnly'],
  ['EACCES', 'DataReadOnly'],
  ['EPERM', 'DataReadOnly'],
  ['SQLITE_READONLY', 'DataReadOnly'],
  ['SQLITE_CANTOPEN', 'DataReadOnly'],
  ['SQLITE_BUSY', 'DatabaseBusy'],
  ['SQLITE_LOCKED', 'DatabaseBusy'],
  ['SQLITE_CORRUPT', 'DatabaseCorrupt'],
  ['SQLITE_NOTADB', 'DatabaseCorrupt'],
];

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  DiskFull: 'The disk is full: Wren could not save mail. Free some space.',
  DataReadOnly: 'Wren cannot write to its data folder (read-only or no permission).',
  DatabaseBusy: 'The mail database is busy (another Wren holds it).',
  DatabaseCorrupt: 'The mail database is damaged.',
};

/** The WrenError for a local fault, or null when `error` is something else. */
export function toLocalFault(error: unknown): WrenError | null {
  if (error instanceof WrenError) return null;
  const raw = (error as { code?: unknown } | null)?.code;
  if (typeof raw !== 'string') return null;
  const match = LOCAL_FAULTS.find(([prefix]) => raw === prefix || raw.startsWith(`${prefix}_`));
  if (!match) return null;
  const code = match[1];
  const path = (error as { path?: unknown }).path;
  return new WrenError(code, MESSAGES[code]!, { cause: raw, ...(typeof path === 'string' ? { path } : {}) }, { cause: error });
}

/** True for the codes toLocalFault produces. */
export function isLocalFault(error: unknown): boolean {
  return error instanceof WrenError && ['DiskFull', 'DataReadOnly', 'DatabaseBusy', 'DatabaseCorrupt'].includes(error.code);
}
