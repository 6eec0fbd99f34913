import type { FetchMessageObject } from 'imapflow';

/** imapflow's fetch() as it yields, or the rows of a FETCH already run (run-fetch.ts). */
type FetchRows = AsyncIterable<FetchMessageObject> | Iterable<FetchMessageObject>;

/**
 * Collects the answers to a UID FETCH, keyed by UID.
 *
 * imapflow's fetch() yields every untagged FETCH that arrives while the
 * command runs, not only the answers. A server also reports other sessions'
 * flag changes that way: Dovecot sends `* 412 FETCH (FLAGS (\Seen) MODSEQ (9))`,
 * a sequence number without UID, in the middle of our FETCH. Stored as a
 * header, such a row became a blank message without UID. So only rows
 * carrying one of the UIDs asked for are kept (the query must ask for UID),
 * and the rows of one UID are merged in arrival order, since a server may
 * split an answer and a later row holds the newer flags.
 */
export function answersByUid(rows: FetchRows, requested: readonly number[]): Promise<Map<number, FetchMessageObject>> {
  const wanted = new Set(requested);
  return mergedAnswers(rows, (row) => wanted.has(row.uid));
}

/**
 * The same for a FETCH by sequence numbers `from`..`to` (a first sync, when no UID is known yet): only
 * rows of that range that carry a UID are answers (the query must ask for UID).
 */
export function answersInRange(rows: FetchRows, from: number, to: number): Promise<Map<number, FetchMessageObject>> {
  return mergedAnswers(rows, (row) => row.seq >= from && row.seq <= to);
}

async function mergedAnswers(rows: FetchRows, isAnswer: (row: FetchMessageObject) => boolean): Promise<Map<number, FetchMessageObject>> {
  const answers = new Map<number, FetchMessageObject>();
  for await (const row of rows) {
    if (typeof row.uid !== 'number' || !isAnswer(row)) continue;
    const earlier = answers.get(row.uid);
    answers.set(row.uid, earlier ? { ...earlier, ...definedFields(row) } : row);
  }
  return answers;
}

function definedFields(row: FetchMessageObject): Partial<FetchMessageObject> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Partial<FetchMessageObject>;
}
