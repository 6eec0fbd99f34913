import { parseArgs } from 'node:util';
import type { Events } from '../../ipc/contract';
import { WrenError, toWrenError } from '../../errors/wren-error';
import { EXIT, exitCodeFor } from '../exit-codes';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';

/**
 * `wren watch ACCOUNT`: push (IDLE) on the account's Inbox, each new message
 * printed as one JSON line as it arrives, until SIGINT or SIGTERM (exit 0).
 * What exit-codes.ts calls "try later" (offline, a server asking for patience, the database busy) is
 * waited out with the usual backoff, said on stderr. A failure that is not retried ends it, also after
 * the start, with the reason on stderr and its exit code: a refused login (the password changed
 * elsewhere) 77; the account removed by another process 1 (NotFound); a server breaking its protocol 1.
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
  const ended = failureOf(accountId);
  const offStatus = context.events.on('account.status', (status) => {
    if (status.accountId !== accountId || !status.error || ended.settle(status)) return;
    context.err.write(`wren: ${status.state} (${status.error.code}): ${status.error.message}\n`);
  });
  const offAccounts = whenRemoved(context, accountId, () => ended.fail(new WrenError('NotFound', `Account ${accountId} was removed (by another Wren process); nothing is left to watch.`)));
  try {
    await context.request('sync.watch', { accountId }).then(
      () => context.err.write(`wren: watching account ${accountId}; each new message prints one JSON line (Ctrl-C to stop)\n`),
      // Offline is waited out (the sync service retries with backoff); a refused login or a full disk would not pass by itself.
      (error: unknown) => {
        const code = toWrenError(error).code;
        if (exitCodeFor(code) !== EXIT.tryLater && code !== 'SyncStopped') throw error;
      },
    );
    await Promise.race([stopped, ended.failed]);
    return EXIT.ok;
  } finally {
    clearInterval(keepAlive);
    offMail();
    offStatus();
    offAccounts();
    // Mail announced before the stop is printed whole (its lookups are local): a caller that stops the
    // watch reads every line it was told of, not the ones that happened to be printed by then.
    await printing;
  }
}

/**
 * A failure that is not retried (a login the server refuses once the password changed elsewhere, a full
 * disk) ends the watch with it, as it would have at the start: waiting on would be silent for good.
 * `settle` says whether the status was that.
 */
function failureOf(accountId: number): { failed: Promise<never>; fail(error: WrenError): void; settle(status: Events['account.status']): boolean } {
  let fail: (error: WrenError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined); // at the start the request's own rejection is what is reported
  return {
    failed,
    fail: (error) => fail(error),
    settle: (status) => {
      if (status.accountId !== accountId || status.state !== 'error' || status.retryAt !== null || !status.error) return false;
      fail(new WrenError(status.error.code, status.error.message, status.error.details));
      return true;
    },
  };
}

/** Removed by another process (the app, another wren): its push is already let go; nothing is left to watch. */
function whenRemoved(context: CliContext, accountId: number, then: () => void): () => void {
  return context.events.on('store.changed', ({ changes }) => {
    if (!changes.some((change) => change.entity === 'accounts' && change.ids.includes(accountId))) return;
    void context.request('accounts.list', {}).then((accounts) => {
      if (!accounts.some((account) => account.id === accountId)) then();
    });
  });
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
