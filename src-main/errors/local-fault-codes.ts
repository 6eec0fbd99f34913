import type { ErrorCode, ErrorShape } from './error-codes';

/**
 * Faults of this machine, not of the network: the disk, the data folder, the
 * database file. Errno codes come from node:fs, SQLITE_* codes from
 * better-sqlite3 (extended codes such as SQLITE_READONLY_DBMOVED start with the
 * primary one). None of these means "offline", and none is worth retrying
 * on a timer as if the server were away.
 *
 * Kept free of the WrenError class so that wren-error.ts can classify with it
 * without an import cycle.
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

/** The code, message and details for a local fault, or null when `error` is something else. */
export function localFaultShape(error: unknown): ErrorShape | null {
  const e = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown; address?: unknown };
  if (typeof e.code !== 'string') return null;
  // A socket's EACCES/EPERM is a firewall saying no: the network's fault, not the data folder's.
  if (e.syscall === 'connect' || typeof e.address === 'string') return null;
  const raw = e.code;
  const match = LOCAL_FAULTS.find(([prefix]) => raw === prefix || raw.startsWith(`${prefix}_`));
  if (!match) return null;
  const code = match[1];
  return { code, message: MESSAGES[code]!, details: { cause: raw, ...(typeof e.path === 'string' ? { path: e.path } : {}) } };
}
