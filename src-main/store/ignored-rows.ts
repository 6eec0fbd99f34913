import type { ListFilter } from '../ipc/contract-constants';
import type { PreparedStatements } from './prepared-statements';

/**
 * The ids of the messages in an ignored thread, as IgnoredThreads.isIgnored tells them: the message's own
 * Message-ID, what it answers or its thread's first message is one the user ignores. CROSS JOIN keeps
 * SQLite's order: each arm walks the few ignored Message-IDs through an index of messages (left to itself,
 * without statistics, it scanned every message), so the set costs what is ignored, not the store.
 */
const IGNORED_ROWS = `SELECT x.id FROM ignored_threads i CROSS JOIN messages x ON x.message_id = i.message_id
  UNION SELECT x.id FROM ignored_threads i CROSS JOIN messages x ON x.in_reply_to = i.message_id
  UNION SELECT x.id FROM ignored_threads i CROSS JOIN messages x ON x.thread_root = i.message_id`;

/** A condition on m (a message row) to AND with a list's: not in an ignored thread. SQLite makes the set once per query. */
export const NOT_IGNORED = ` AND m.id NOT IN (${IGNORED_ROWS})`;

/**
 * How many of a folder's messages are in ignored threads: what a list that hides them leaves out (Thunderbird's
 * View ▸ Threads ▸ Ignored Threads turned off). Read from the set, by row id, never by reading the folder; most
 * users ignore no thread, and their lists pay one lookup.
 */
function ignoredInFolder(statements: PreparedStatements, folderId: number): number {
  if (statements.pluck('SELECT EXISTS (SELECT 1 FROM ignored_threads)').get() === 0) return 0;
  return statements.pluck(`SELECT count(*) FROM (${IGNORED_ROWS}) h CROSS JOIN messages m ON m.id = h.id WHERE m.folder_id = ?`).get(folderId) as number;
}

/**
 * A list's view of ignored threads: how many of the folder's messages are in them (0 unless the filter says whether
 * to hide them), and the filter to read the list with, which hides them only when there are some, so a folder with
 * none ignored reads as before, with no condition to test. A thread is left out whole: every message in it names
 * an ignored Message-ID.
 */
export function withIgnoredThreads(statements: PreparedStatements, folderId: number, filter: ListFilter): { ignored: number; filter: ListFilter } {
  const ignored = filter.hideIgnored === undefined ? 0 : ignoredInFolder(statements, folderId);
  return { ignored, filter: { ...filter, hideIgnored: filter.hideIgnored === true && ignored > 0 } };
}
