import { parseArgs } from 'node:util';
import type { Events } from '../../ipc/contract';
import { isUnreachable, toWrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';

/**
 * `wren watch ACCOUNT`: push (IDLE) on the account's Inbox, each new message
 * printed as one JSON line as it arrives, until SIGINT or SIGTERM (exit 0).
 * Offline, it keeps retrying with the usual backoff and says so on stderr.
 */
export async function watchCommand(context: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const accountId = (await findAccount(context, positionals[0])).id;
  const folderPath = folderPathsOf(context, accountId);
  const stopped = untilSignal();
  // Nothing else may hold the process open while offline between retries.
  const keepAlive = setInterval(() => undefined, 60 * 60_000);
  // One event after another, each printed whole, so lines keep the order the mail came in.
  let printing = Promise.resolve();
  const offMail = context.events.on('mail.new', (event) => {
    if (event.accountId !== accountId) return;
    printing = printing.then(async () => printArrivals(context, event, await folderPath(event.folderId))).catch(() => undefined);
  });
  const offStatus = context.events.on('account.status', (status) => {
    if (status.accountId === accountId && status.error) context.err.write(`wren: ${status.state} (${status.error.code}): ${status.error.message}\n`);
  });
  try {
    await context.request('sync.watch', { accountId }).then(
      () => context.err.write(`wren: watching account ${accountId}; each new message prints one JSON line (Ctrl-C to stop)\n`),
      // Offline is waited out (retries with backoff); a refused login or a full disk would not pass by itself.
      (error: unknown) => {
        if (!isUnreachable(error) && !['DatabaseBusy', 'SyncStopped'].includes(toWrenError(error).code)) throw error;
      },
    );
    await stopped;
    return 0;
  } finally {
    clearInterval(keepAlive);
    offMail();
    offStatus();
  }
}

/** Folder paths by id, asked again when a folder is new to it (the first sync lists them). */
function folderPathsOf(context: CliContext, accountId: number): (folderId: number) => Promise<string | null> {
  let paths = new Map<number, string>();
  return async (folderId) => {
    if (!paths.has(folderId)) {
      const folders = await context.request('folders.list', { accountId, includeUnsubscribed: true }).catch(() => []);
      paths = new Map(folders.map((f) => [f.id, f.path]));
    }
    return paths.get(folderId) ?? null;
  };
}

/**
 * Every message of the event, oldest first as a log reads. The event describes only the newest few (a
 * notification's worth); the others, after a long time away, are looked up one by one.
 */
async function printArrivals(context: CliContext, event: Events['mail.new'], folder: string | null): Promise<void> {
  const described = new Map(event.messages.map((message) => [message.id, message]));
  for (const id of [...event.ids].reverse()) {
    const message = described.get(id) ?? (await context.request('messages.summary', { messageId: id }).catch(() => null));
    if (!message) continue; // gone meanwhile (deleted, moved elsewhere)
    context.out.write(`${JSON.stringify({ id, accountId: event.accountId, folder, from: message.from, subject: message.subject })}\n`);
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
