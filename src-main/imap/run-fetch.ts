import type { ImapAttributeNode, ImapResponse } from 'imapflow';
import { readFetchAnswer } from './fetch-answer';
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
  if (!client.mailbox) throw Object.assign(new Error('No folder is selected for FETCH'), { code: client.usable ? 'NoMailboxSelected' : 'NoConnection' });
  const rows: FetchedMessage[] = [];
  const items = [{ type: 'SEQUENCE', value: range }, headerItems(client, fields)];
  const done = await runner.exec.call(client, options.uid ? 'UID FETCH' : 'FETCH', items, {
    untagged: { FETCH: (answer) => void rows.push(readFetchAnswer(answer)) },
  });
  done.next();
  return rows;
}

/** The items imapflow's fetch() would ask for with Wren's header query, MODSEQ included when CONDSTORE is on for this folder. */
function headerItems(client: ImapClient, fields: readonly string[]): unknown[] {
  const atom = (value: string): ImapAttributeNode => ({ type: 'ATOM', value });
  const items: unknown[] = ['UID', 'FLAGS', 'BODYSTRUCTURE', 'INTERNALDATE', 'RFC822.SIZE'].map(atom);
  if (client.enabled.has('CONDSTORE') && client.mailbox && !client.mailbox.noModseq) items.push(atom('MODSEQ'));
  items.push({ type: 'ATOM', value: 'BODY.PEEK', section: [atom('HEADER.FIELDS'), fields.map(atom)] });
  return items;
}
