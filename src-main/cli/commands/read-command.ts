import { buffer } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';

/**
 * `wren read MESSAGE_ID [--raw]`: headers, text, html and attachments;
 * `--raw` adds the whole source (base64, byte-exact) to the JSON. Opening
 * marks it read, as in the app, and the command waits (briefly) until the
 * server has been told.
 */
export async function readCommand(context: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { raw: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const messageId = Number(positionals[0]);
  if (!Number.isInteger(messageId) || messageId <= 0) throw new WrenError('BadRequest', 'Usage: wren read MESSAGE_ID [--raw]');
  if (values.raw && !context.json) throw new WrenError('BadRequest', '--raw goes with --json (for the bare bytes, use "wren source MESSAGE_ID").');
  const m = await context.request('messages.read', { messageId });
  const source = values.raw ? await buffer(await context.local.openSource(messageId)) : null;
  const view = {
    id: m.id, subject: m.subject, from: m.from, to: m.to, cc: m.cc, date: m.date === null ? null : new Date(m.date).toISOString(),
    messageId: m.messageId, flags: m.flags, text: m.text, html: m.html, warnings: m.warnings,
    attachments: m.attachments.map((a) => ({ partId: a.partId, filename: a.filename, contentType: a.contentType, size: a.size })),
    ...(source ? { source: { encoding: 'base64', size: source.length, data: source.toString('base64') } } : {}),
  };
  context.print(view, () => [
    `From: ${m.from.name} <${m.from.address}>`, `Subject: ${m.subject}`, `Date: ${view.date ?? '(none)'}`, '',
    m.text ?? (m.html ? '(HTML only; use --json to get it)' : '(no text)'),
    ...m.attachments.map((a) => `[attachment ${a.partId}] ${a.filename} (${a.contentType}, ${a.size} bytes)`),
  ]);
  await tellServer(context, messageId);
}

/** The \Seen set by opening goes out before the command ends; offline it stays queued for the next sync. */
async function tellServer(context: CliContext, messageId: number): Promise<void> {
  const stillQueued = await context.local.sendQueuedFlags(messageId);
  if (stillQueued > 0) context.err.write(`wren: the server could not be told that message ${messageId} was read; the next sync will tell it.\n`);
}
