import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { addressparser, mimeFuncs } from '../../system/first-use-packages';
import { WrenError } from '../../errors/wren-error';
import type { ComposeAddress, ComposeAttachment, OutboxEntryView } from '../../ipc/compose-shapes';
import { SEND_PRIORITIES, type SendPriority } from '../../ipc/contract-constants';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';
import { EXIT, exitCodeFor } from '../exit-codes';
import { certificateLines } from '../retrust-lines';

export const SEND_USAGE = `Usage: wren send --account A --to ADDR [--to ..] [--cc ..] [--bcc ..] --subject S (--body-file F | --body-stdin)
                 [--attach FILE]... [--receipt] [--priority highest|high|low|lowest] [--delay SECONDS | --at TIME]
       wren send --account A --raw [--delay SECONDS | --at TIME] < message.eml   (recipients from To/Cc/Bcc; Bcc removed)`;

const OPTIONS = {
  account: { type: 'string' },
  to: { type: 'string', multiple: true },
  cc: { type: 'string', multiple: true },
  bcc: { type: 'string', multiple: true },
  subject: { type: 'string' },
  'body-file': { type: 'string' },
  'body-stdin': { type: 'boolean' },
  attach: { type: 'string', multiple: true },
  /** Ask for a return receipt (Disposition-Notification-To at the account's address). */
  receipt: { type: 'boolean' },
  /** X-Priority and Importance: high or low (normal writes none). */
  priority: { type: 'string' },
  raw: { type: 'boolean' },
  delay: { type: 'string' },
  at: { type: 'string' },
} as const;

/**
 * `wren send`: the message leaves at once (no undo delay) unless --delay or
 * --at holds it; the command returns when the server has accepted it and the
 * Sent copy is filed (exit 0), when it is held for later (exit 0, said so),
 * queued because the server cannot be reached now (exit 75), or refused
 * (exit 1, with the server's words; 77 when it refused the login). See exit-codes.ts.
 */
export async function sendCommand(context: CliContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true });
  const account = await findAccount(context, values.account);
  const sendAt = sendTime(values.delay, values.at);
  let entry: OutboxEntryView;
  if (values.raw) {
    const staged = await context.local.stage(process.stdin);
    entry = await context.request('outbox.sendRaw', { accountId: account.id, stagedId: staged.stagedId, sendAt, undoSeconds: 0 });
  } else {
    if (!values.to?.length && !values.cc?.length && !values.bcc?.length) throw new WrenError('BadRequest', `Name at least one recipient.\n${SEND_USAGE}`);
    if (values.subject === undefined) throw new WrenError('BadRequest', `--subject is required.\n${SEND_USAGE}`);
    const text = await bodyText(values['body-file'], values['body-stdin'] ?? false);
    const attachments: ComposeAttachment[] = [];
    for (const path of values.attach ?? []) {
      const staged = await context.local.stageFile(path);
      attachments.push({ stagedId: staged.stagedId, filename: basename(path), contentType: mimeFuncs().detectMimeType(path), size: staged.size, contentId: null });
    }
    const priority = priorityOption(values.priority ?? 'normal');
    const message = {
      accountId: account.id, to: typedAddresses(values.to), cc: typedAddresses(values.cc), bcc: typedAddresses(values.bcc), subject: values.subject, text, attachments,
      requestReceipt: values.receipt ?? false, priority,
    };
    entry = await context.request('outbox.send', { message, sendAt, undoSeconds: 0 });
  }
  const [settled] = await context.request('outbox.wait', { outboxIds: [entry.id] });
  const code = reportSent(context, settled!);
  if (settled!.state === 'sent' && !settled!.error && account.protocol === 'imap') await filterSentCopy(context, account.id);
  return code;
}

/**
 * Thunderbird's After Sending filters run on the Sent copy once it is in the store. The app syncs the Sent folder at
 * once; here, when the account has such a filter, a sync brings the copy and filters it (sync.run waits for that),
 * and the filters' changes reach the server before the command returns. Offline, they wait for the next sync.
 */
async function filterSentCopy(context: CliContext, accountId: number): Promise<void> {
  const filters = await context.request('filters.list', { accountId });
  if (!filters.some((filter) => filter.enabled && filter.runOn.afterSending)) return;
  const synced = await context.request('sync.run', { accountId });
  const replayed = synced.failures.length === 0 ? await context.request('sync.run', { accountId, replayOnly: true }) : synced;
  const failure = replayed.failures[0];
  if (failure) context.note(`the filters that run after sending wait for the next sync: ${failure.error.message}`);
}

/** Says how a message sent now ended (or that it waits), and gives the exit code for it. */
export function reportSent(context: CliContext, entry: OutboxEntryView): number {
  const refused = entry.refused.length > 0 ? ` (refused by the server: ${entry.refused.map(({ address, reply }) => (reply ? `${address}: ${reply}` : address)).join('; ')})` : '';
  context.print(entry, () => [describeEntry(entry) + refused]);
  if (entry.state === 'sent') {
    if (entry.error) context.note(`sent, but the Sent copy is not filed yet: ${entry.error.message} (it is filed by the next run)`);
    return EXIT.ok;
  }
  if (entry.state === 'waiting') return EXIT.ok;
  if (entry.state === 'queued') {
    context.note(`queued, not sent: ${entry.error?.message ?? 'the server cannot be reached'}; it goes with the next "wren send", "wren outbox retry" or the app`);
    return EXIT.tryLater;
  }
  if (entry.state === 'unknown') {
    context.note('the connection was cut before the server answered: it may or may not have gone. "wren outbox resolve" decides.');
    return EXIT.failed;
  }
  context.note(`not sent: ${entry.error?.message ?? entry.state}`);
  // The outgoing server's certificate refused: the one it shows, and how to trust it (then "wren outbox retry").
  const retrust = entry.error ? certificateLines(entry.error, (flag, fingerprint) => `Only if that is the fingerprint your server's administrator gives you, trust it with:\n  wren account edit ${entry.accountId} ${flag} ${fingerprint}`) : [];
  for (const line of retrust) context.note(line);
  // Refused for good: by the server (1), or its login refused (77).
  return entry.error ? exitCodeFor(entry.error.code) : EXIT.failed;
}

export function describeEntry(entry: OutboxEntryView): string {
  switch (entry.state) {
    case 'sent': return `Sent ${entry.messageId} to ${entry.to.join(', ')}`;
    case 'waiting': return `Held until ${new Date(entry.sendAt ?? 0).toISOString()}: ${entry.messageId} (outbox #${entry.id})`;
    case 'queued': return `Queued ${entry.messageId} (outbox #${entry.id}), next try ${entry.nextAttemptAt ? new Date(entry.nextAttemptAt).toISOString() : 'now'}`;
    case 'unknown': return `Unknown whether ${entry.messageId} (outbox #${entry.id}) went out`;
    default: return `${entry.state[0]!.toUpperCase()}${entry.state.slice(1)}: ${entry.messageId} (outbox #${entry.id})`;
  }
}

function sendTime(delay: string | undefined, at: string | undefined): number | null {
  if (delay !== undefined && at !== undefined) throw new WrenError('BadRequest', '--delay and --at contradict each other.');
  if (delay !== undefined) {
    const seconds = Number(delay);
    if (!Number.isFinite(seconds) || seconds < 0) throw new WrenError('BadRequest', `--delay takes a number of seconds, not "${delay}".`);
    return seconds === 0 ? null : Date.now() + Math.round(seconds * 1000);
  }
  if (at !== undefined) {
    const time = Date.parse(at);
    if (Number.isNaN(time)) throw new WrenError('BadRequest', `--at takes a date and time like 2026-12-24T09:00 (local) or with a zone, not "${at}".`);
    return time;
  }
  return null;
}

/** "A <a@x>, b@y" as typed after --to; each flag may hold several. */
export function typedAddresses(values: string[] | undefined): ComposeAddress[] {
  return (values ?? []).flatMap((value) => addressparser()(value, { flatten: true }).map((a) => ({ name: a.name ?? '', address: a.address ?? '' })));
}

async function bodyText(file: string | undefined, stdin: boolean): Promise<string> {
  if (file !== undefined && stdin) throw new WrenError('BadRequest', '--body-file and --body-stdin contradict each other.');
  if (file !== undefined) return readFile(file, 'utf8');
  if (stdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  throw new WrenError('BadRequest', `Give the body with --body-file F or --body-stdin.\n${SEND_USAGE}`);
}

function priorityOption(value: string): SendPriority {
  const priority = SEND_PRIORITIES.find((level) => level === value);
  if (priority) return priority;
  throw new WrenError('BadRequest', `--priority takes ${SEND_PRIORITIES.join(', ')}, not "${value}".\n${SEND_USAGE}`);
}
