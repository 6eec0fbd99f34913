import { buffer } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { TEXT_ENCODINGS, type TextEncoding } from '../../ipc/contract-constants';
import { warningText } from '../../errors/warning-codes';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { byAccount } from '../find-by-name';

const USAGE = 'Usage: wren read MESSAGE_ID [--raw] [--charset ENCODING]';

/**
 * `wren read MESSAGE_ID [--raw] [--charset ENCODING]`: headers, text, html and
 * attachments (an HTML-only message's text, to read in a terminal, is its HTML
 * made text); `--raw` adds the whole source (base64, byte-exact) to the JSON;
 * `--charset` reads the text as that encoding whatever its labels say (the
 * reading pane's Text encoding). Opening marks it read, as in the app, and the
 * command waits (briefly) until the server has been told.
 */
export async function readCommand(context: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { raw: { type: 'boolean' }, charset: { type: 'string' } }, allowPositionals: true, strict: true });
  const messageId = Number(positionals[0]);
  if (!Number.isInteger(messageId) || messageId <= 0) throw new WrenError('BadRequest', USAGE);
  const charset = textEncodingOf(values.charset);
  if (values.raw && !context.json) throw new WrenError('BadRequest', '--raw goes with --json (for the bare bytes, use "wren source MESSAGE_ID").');
  const before = await context.request('messages.summary', { messageId });
  const m = await context.request('messages.read', { messageId, ...(charset && { charset }) });
  // Read as another encoding, the core marks nothing (the pane has marked it already): here it is the one reading.
  if (charset && !before.seen) await context.request('messages.apply', { kind: 'flags', messageIds: [messageId], add: ['\\Seen'], remove: [] });
  const source = values.raw ? await buffer(await context.local.openSource(messageId)) : null;
  const view = {
    id: m.id, subject: m.subject, from: m.from, to: m.to, cc: m.cc, date: m.date === null ? null : new Date(m.date).toISOString(),
    messageId: m.messageId, flags: m.flags, text: m.text, html: m.html, warnings: m.warnings.map(warningText),
    attachments: m.attachments.map((a) => ({ partId: a.partId, filename: a.filename, contentType: a.contentType, size: a.size })),
    ...(source ? { source: { encoding: 'base64', size: source.length, data: source.toString('base64') } } : {}),
  };
  const readable = m.text ?? (m.html && !context.json ? (await context.request('messages.plainText', { messageId })).text : null);
  context.print(view, () => [
    `From: ${m.from.name} <${m.from.address}>`, `Subject: ${m.subject}`, `Date: ${view.date ?? '(none)'}`, '',
    readable ?? '(no text)',
    ...m.attachments.map((a) => `[attachment ${a.partId}] ${a.filename} (${a.contentType}, ${a.size} bytes)`),
  ]);
  if (!before.seen) await tellServer(context, messageId);
}

function textEncodingOf(given: string | undefined): TextEncoding | null {
  if (given === undefined) return null;
  const named = given.toLowerCase();
  if ((TEXT_ENCODINGS as readonly string[]).includes(named)) return named as TextEncoding;
  throw new WrenError('BadRequest', `"${given}" is not a text encoding Wren reads a message as: one of ${TEXT_ENCODINGS.join(', ')}.`);
}

/** Long enough to connect and log in to a slow server, short enough that an unreachable one does not hold the shell. */
const SEND_DEADLINE_MS = 20_000;

/**
 * The \Seen that opening queued goes out before the command ends (a replay of
 * the account's journal, no folder pass), waiting at most SEND_DEADLINE_MS;
 * offline it stays queued for the next sync.
 */
async function tellServer(context: CliContext, messageId: number): Promise<void> {
  const [accountId] = [...(await byAccount(context, [messageId])).keys()];
  if (accountId === null) return; // a local folder: no server to tell
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SEND_DEADLINE_MS);
  });
  const outcome = await Promise.race([context.request('sync.run', { accountId, replayOnly: true }), deadline]);
  clearTimeout(timer);
  if (!outcome || outcome.failures.length > 0) context.note(`the server could not be told that message ${messageId} was read; the next sync will tell it.`);
}
