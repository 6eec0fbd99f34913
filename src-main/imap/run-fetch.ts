import type { ImapAttributeNode, ImapResponse } from 'imapflow';
import { readFetchAnswer } from './fetch-answer';
import { imapflowTools } from '../system/first-use-packages';
import type { FetchedMessage, ImapClient } from './imap-client';

/**
 * imapflow's command runner, which its own commands use: queues the command on
 * the connection, writes it, and hands each untagged answer to the handler
 * named for it. It is not in imapflow's published types, hence this view of it.
 */
interface CommandRunner {
  exec(command: string, attributes: unknown[], options: { untagged: Record<string, (answer: ImapResponse) => void> }): Promise<{ next(): void }>;
}

/**
 * A header sync's FETCH (or UID FETCH) of `range` in the selected folder, its
 * answers read by readFetchAnswer instead of imapflow's fetch(), which spends a
 * quarter of its time on work a header sync throws away (see fetch-answer.ts).
 * The command still goes through imapflow: its queue, tokenizer, literals,
 * errors and connection handling are unchanged. Every untagged FETCH that
 * arrives meanwhile is returned, as fetch() yields them: other sessions' flag
 * changes too, which the caller tells apart (answers-by-uid.ts).
 */
export async function runHeaderFetch(client: ImapClient, range: string, fields: readonly string[], options: { uid: boolean }): Promise<FetchedMessage[]> {
  const runner = client as unknown as Partial<CommandRunner>;
  if (typeof runner.exec !== 'function') throw new Error('imapflow no longer has the command runner run-fetch.ts relies on');
  for (let attempt = 0; ; attempt++) {
    if (!client.mailbox) throw Object.assign(new Error('No folder is selected for FETCH'), { code: client.usable ? 'NoMailboxSelected' : 'NoConnection' });
    const rows: FetchedMessage[] = [];
    const items = [{ type: 'SEQUENCE', value: range }, headerItems(client, fields)];
    try {
      const { MAX_COLLECTED_RESPONSES } = imapflowTools();
      let overflow = false;
      const done = await runner.exec.call(client, options.uid ? 'UID FETCH' : 'FETCH', items, {
        untagged: {
          FETCH: (answer) => {
            if (rows.length < MAX_COLLECTED_RESPONSES) rows.push(readFetchAnswer(answer));
            else overflow = true;
          },
        },
      });
      done.next();
      // imapflow's own bound on the rows of one FETCH: the server's to send, this process's memory to hold them
      if (overflow) throw Object.assign(new Error(`FETCH returned more than ${MAX_COLLECTED_RESPONSES} messages`), { code: 'TooManyResponses' });
      return rows;
    } catch (error) {
      const wait = throttleRetryWait(error, attempt);
      if (wait === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** As imapflow's fetch() retries a throttled FETCH (Microsoft 365's "Request is throttled"): three more times. */
const THROTTLE_RETRIES = 3;
const THROTTLE_BACKOFF_MS = 1000;
const THROTTLE_WAIT_CAP_MS = 30_000;

/**
 * How long to wait before asking again, or null to give up (and let the sync report ServerThrottled):
 * the server's suggested wait or a doubling back-off, whichever is longer, less what imapflow already
 * waited before it rejected the command.
 */
export function throttleRetryWait(error: unknown, attempt: number): number | null {
  const e = (error ?? {}) as { code?: unknown; throttleReset?: unknown; throttleWaited?: unknown };
  if (e.code !== 'ETHROTTLE' || attempt >= THROTTLE_RETRIES) return null;
  const backoff = Math.min(THROTTLE_BACKOFF_MS * 2 ** attempt, THROTTLE_WAIT_CAP_MS);
  const suggested = Math.min(typeof e.throttleReset === 'number' ? e.throttleReset : 0, THROTTLE_WAIT_CAP_MS);
  const waited = typeof e.throttleWaited === 'number' ? e.throttleWaited : 0;
  return Math.max(0, Math.max(suggested, backoff) - waited);
}

/** The items imapflow's fetch() would ask for with Wren's header query, MODSEQ included when CONDSTORE is on for this folder. */
function headerItems(client: ImapClient, fields: readonly string[]): unknown[] {
  const atom = (value: string): ImapAttributeNode => ({ type: 'ATOM', value });
  const items: unknown[] = ['UID', 'FLAGS', 'BODYSTRUCTURE', 'INTERNALDATE', 'RFC822.SIZE'].map(atom);
  if (client.enabled.has('CONDSTORE') && client.mailbox && !client.mailbox.noModseq) items.push(atom('MODSEQ'));
  items.push({ type: 'ATOM', value: 'BODY.PEEK', section: [atom('HEADER.FIELDS'), fields.map(atom)] });
  return items;
}
