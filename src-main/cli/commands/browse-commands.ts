import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { MessageSummary } from '../../ipc/contract';
import type { CliContext } from '../cli-context';

/** `wren folders ACCOUNT`: path, role, total, unread. */
export async function foldersCommand(context: CliContext, args: string[]): Promise<void> {
  const folders = await context.request('folders.list', { accountId: context.accountId(args[0]) });
  const rows = folders.map((f) => ({ path: f.path, role: f.role, total: f.total, unread: f.unread }));
  context.print(rows, () => rows.map((f) => `${f.path}\t${f.role ?? ''}\t${f.total}\t${f.unread}`));
}

function flagsOf(m: MessageSummary): string[] {
  return [m.seen && '\\Seen', m.flagged && '\\Flagged', m.answered && '\\Answered'].filter((f): f is string => Boolean(f));
}

/** `wren list ACCOUNT FOLDER [--limit N]`: newest first, from the cache. */
export async function listCommand(context: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { limit: { type: 'string' } }, allowPositionals: true, strict: true });
  const accountId = context.accountId(positionals[0]);
  const path = positionals[1];
  if (!path) throw new WrenError('BadRequest', 'Usage: wren list ACCOUNT FOLDER [--limit N]');
  const folder = context.core.store.folders.list(accountId).find((f) => f.path === path);
  if (!folder) throw new WrenError('NotFound', `No folder "${path}" in that account (see "wren folders").`);
  const page = await context.request('messages.list', { folderId: folder.id, limit: Number(values.limit ?? 50) });
  const rows = page.items.map((m) => ({
    id: m.id, uid: m.uid, subject: m.subject, from: m.from, date: m.date === null ? null : new Date(m.date).toISOString(),
    flags: flagsOf(m), size: m.size, hasAttachments: m.hasAttachments,
  }));
  context.print(rows, () => rows.map((m) => `${m.id}\t${m.date ?? ''}\t${m.from.name || m.from.address}\t${m.subject}`));
}

/** `wren read MESSAGE_ID`: headers, text, html and attachments; opening marks it read, as in the app. */
export async function readCommand(context: CliContext, args: string[]): Promise<void> {
  const messageId = Number(args[0]);
  if (!Number.isInteger(messageId) || messageId <= 0) throw new WrenError('BadRequest', 'Usage: wren read MESSAGE_ID');
  const m = await context.request('messages.read', { messageId });
  const view = {
    id: m.id, subject: m.subject, from: m.from, to: m.to, cc: m.cc, date: m.date === null ? null : new Date(m.date).toISOString(),
    messageId: m.messageId, flags: m.flags, text: m.text, html: m.html, warnings: m.warnings,
    attachments: m.attachments.map((a) => ({ partId: a.partId, filename: a.filename, contentType: a.contentType, size: a.size })),
  };
  context.print(view, () => [
    `From: ${m.from.name} <${m.from.address}>`, `Subject: ${m.subject}`, `Date: ${view.date ?? '(none)'}`, '',
    m.text ?? (m.html ? '(HTML only; use --json to get it)' : '(no text)'),
    ...m.attachments.map((a) => `[attachment ${a.partId}] ${a.filename} (${a.contentType}, ${a.size} bytes)`),
  ]);
}
