import { discoveryOverridesFromEnv } from '../accounts/discovery/discovery-options';
import { createHandlers } from '../app/handlers';
import { WrenCore } from '../app/wren-core';
import { WrenError, toErrorShape } from '../errors/wren-error';
import type { ErrorShape } from '../errors/error-codes';
import { KeyFileSecretStore } from '../secrets/key-file-secret-store';
import { CliContext } from './cli-context';
import { splitGlobals } from './cli-globals';
import { accountCommand } from './commands/account-commands';
import { conversationCommand, foldersCommand, listCommand } from './commands/browse-commands';
import { folderCommand } from './commands/folder-commands';
import { THREAD_USAGE, threadCommand } from './commands/thread-command';
import { archiveCommand, deleteCommand, flagCommand, moveOrCopyCommand } from './commands/message-commands';
import { readCommand } from './commands/read-command';
import { exportCommand, importCommand } from './commands/mail-file-commands';
import { settingsCommand } from './commands/settings-command';
import { sourceCommand } from './commands/source-command';
import { syncCommand } from './commands/sync-command';
import { localAccessOf } from './local-access';
import { watchCommand } from './commands/watch-command';
import { SEND_USAGE, sendCommand } from './commands/send-command';
import { outboxCommand } from './commands/outbox-command';
import { IDENTITY_USAGE, identityCommand } from './commands/identity-commands';
import { ADDRESS_USAGE, addressCommand } from './commands/address-commands';
import { UNSUBSCRIBE_USAGE, unsubscribeCommand } from './commands/unsubscribe-command';
import { REDIRECT_USAGE, redirectCommand } from './commands/redirect-command';
import { INVITATION_USAGE, invitationCommand } from './commands/invitation-command';
import { FILTER_USAGE, filterCommand } from './commands/filter-commands';
import { JUNK_USAGE, junkCommand } from './commands/junk-command';
import { SEARCHES_USAGE, savedSearchCommand } from './commands/saved-search-commands';
import { searchCommand } from './commands/search-command';
import { startRunStats } from './run-stats';
import { stopOnSignal } from './stop-on-signal';
import { EXIT, EXIT_CODES_USAGE, exitCodeFor } from './exit-codes';
import { certificateLines } from './retrust-lines';

const USAGE = `Usage: wren [--data-dir DIR] [--json] [--stats] COMMAND
  account add --email ADDR --imap-host H [--imap-port P] [--imap-security tls|starttls|none] [--user U]
              [--name NAME] [--display-name YOUR-NAME] [--smtp-host H --smtp-port P --smtp-security tls|starttls|none]
              [--trust-fingerprint SHA256] [--trust-smtp-fingerprint SHA256] [--allow-plaintext]
                                  (password: WREN_PASSWORD or prompt; the SMTP server's own certificate apart)
              [--oauth2 [--oauth2-auth-url U --oauth2-token-url U --oauth2-client-id ID --oauth2-scope S…]]
                                  (sign in with the browser instead: prints the URL, waits for the redirect)
  account add --email ADDR --pop3-host H [--pop3-port P] [--pop3-security tls|starttls|none] [--user U]
              [--pop3-policy keep|delete-after:DAYS|delete-when-deleted|delete] [--pop3-max-size KB] …
  account list | account remove ACCOUNT [--yes]   (asks first unless --yes; nothing is deleted on the server)
  account discover ADDRESS        (server settings from the address alone: host, port, security, source)
  account edit ACCOUNT [--name N] [--display-name D] [--colour #RRGGBB] [--imap-host H] [--imap-port P]
              [--imap-security S] [--user U] [--new-password] [--trust-fingerprint SHA256]
              [--trust-smtp-fingerprint SHA256] [--pop3-policy POLICY] [--pop3-max-size KB|none]
  sync [ACCOUNT] [--bodies]
  folders ACCOUNT [--all]         (--all: unsubscribed folders too; ACCOUNT "local": the local folders)
  list ACCOUNT FOLDER [--limit N] [--offset N] [--sort date|from|subject|size|priority] [--reverse]
                 [--unread] [--flagged] [--attachments] [--tagged]   (only those; together: all of them)
                 [--text WORDS]  (only those whose sender, recipients or subject hold every word; a Chinese
                                  sender, or recipient in Sent, by pinyin too: wangfang or wf for 王芳)
                 [--threads]     (replies indented under what they answer)
                 [--collapsed]   (with --threads: a thread per row, with how many it holds)
                 [--hide-ignored] (without the messages of ignored threads, as the app's list)
  search QUERY [--account ACCOUNT|local] [--folder PATH] [--limit N] [--server]   (words AND, "phrases", from: to: subject: body:,
                   is:unread|read|flagged|answered has:attachment in:FOLDER account:ADDRESS|NAME|local
                   after:/before:YYYY-MM-DD newer_than:/older_than:7d larger:/smaller:5M tag:NAME;
                   a minus leaves out: -WORD -from:NAME -is:read -in:trash -account:local; WORD OR WORD, is:unread OR is:flagged;
                   --server: the IMAP servers look for the words in mail not downloaded, which is then downloaded)
  search --saved NAME|ID [--limit N]   (a saved search, run again)
${SEARCHES_USAGE.replace(/^/gm, '  ')}
  read MESSAGE_ID [--raw] [--charset ENCODING]
                                 (--raw with --json adds the whole source, base64; --charset reads the text as
                                 gbk, big5, shift_jis, euc-jp, iso-2022-jp, euc-kr, utf-8, windows-1252, …)
  conversation MESSAGE_ID        (its conversation, oldest first, from every folder of its account)
  source MESSAGE_ID              (the raw message, byte for byte, to stdout)
${UNSUBSCRIBE_USAGE.replace(/^/gm, '  ')}
  ${INVITATION_USAGE}
  move ID... FOLDER [--to-account ACCOUNT]     (FOLDER: a path in the messages' own account, or in ACCOUNT or "local")
  copy ID... FOLDER [--to-account ACCOUNT]
  delete ID... [--permanent]     (to the account's Trash; in Trash, or with --permanent, for good)
  archive ID...                  (to the archive folder, or by year or month: account.ACCOUNT.archiveGranularity)
${THREAD_USAGE.replace(/^/gm, '  ')}
  flag ID... [--seen|--unseen] [--flagged|--unflagged] [--tag 1-5|NAME]... [--untag 1-5|NAME|all]...
                                 (tags: 1 important, 2 work, 3 personal, 4 todo, 5 later)
  folder create ACCOUNT PATH | folder rename ACCOUNT PATH NEWPATH
  folder delete ACCOUNT PATH [--permanent]   (into the account's Trash; in Trash, or with --permanent, for good)
  folder subscribe ACCOUNT PATH | folder unsubscribe ACCOUNT PATH
  export ACCOUNT FOLDER --mbox FILE | --eml DIR    (mboxrd; ACCOUNT may be "local")
  import ACCOUNT FOLDER FILE...  (mbox or .eml files, told apart by their content)
  Changes apply here at once and go to the server before the command ends; offline they stay queued
  for the next sync (said on stderr, exit 0).
  watch ACCOUNT                  (push on the Inbox: one JSON line per new message, until Ctrl-C; exit 0;
                                 offline it waits; a login refused later ends it with 77, the account removed with 1)
  settings get [KEY] | settings set KEY VALUE   (KEY: app.theme, account.ACCOUNT.checkIntervalMinutes…)
${IDENTITY_USAGE.replace(/^/gm, '  ')}
${ADDRESS_USAGE.replace(/^/gm, '  ')}
${FILTER_USAGE.replace(/^/gm, '  ')}
${JUNK_USAGE.replace(/^/gm, '  ')}
  send --account A --to ADDR ... (see below)   outbox list | outbox flush | outbox retry ID | outbox cancel ID
  outbox send-now ID                            (a scheduled or held-back message, now)
  ${REDIRECT_USAGE}
  outbox resolve ID --send-anyway|--discard     (a send cut before the server answered)
  A message leaves at once unless --delay or --at holds it; exit 0 when the server accepted it and the
  Sent copy is filed (or when held for later), 75 when queued because the server cannot be reached,
  1 when refused (the server's words on stderr), 77 when it refused the login.
${SEND_USAGE.replace(/^/gm, '  ')}
  --stats prints one line "wren-stats {json}" to stderr at exit: wall time, peak memory, event-loop lag
${EXIT_CODES_USAGE}`;

/** How often `wren watch` looks for its account removed by another process (as the app does). */
const WATCH_ACCOUNTS_MS = 2_000;

async function run(context: CliContext, command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case 'account': return accountCommand(context, args);
    case 'sync': return syncCommand(context, args);
    case 'folders': await foldersCommand(context, args); return 0;
    case 'list': await listCommand(context, args); return 0;
    case 'search': await searchCommand(context, args); return 0;
    case 'read': await readCommand(context, args); return 0;
    case 'conversation': await conversationCommand(context, args); return 0;
    case 'source': await sourceCommand(context, args); return 0;
    case 'unsubscribe': return unsubscribeCommand(context, args);
    case 'redirect': return redirectCommand(context, args);
    case 'invitation': return invitationCommand(context, args);
    case 'move': return moveOrCopyCommand(context, 'move', args);
    case 'copy': return moveOrCopyCommand(context, 'copy', args);
    case 'delete': return deleteCommand(context, args);
    case 'archive': return archiveCommand(context, args);
    case 'thread': return threadCommand(context, args);
    case 'flag': return flagCommand(context, args);
    case 'folder': return folderCommand(context, args);
    case 'watch': return watchCommand(context, args);
    case 'export': return exportCommand(context, args);
    case 'import': return importCommand(context, args);
    case 'settings': return settingsCommand(context, args);
    case 'identity': return identityCommand(context, args);
    case 'addresses': return addressCommand(context, args);
    case 'filter': return filterCommand(context, args);
    case 'junk': return junkCommand(context, args);
    case 'searches': return savedSearchCommand(context, args);
    case 'send': return sendCommand(context, args);
    case 'outbox': return outboxCommand(context, args);
    default: throw new WrenError('BadRequest', command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  }
}

/** A bad command line (node's parseArgs) is the user's mistake, a BadRequest like any other. */
function failureShape(error: unknown): ErrorShape {
  const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  return parseError ? { code: 'BadRequest', message: (error as Error).message } : toErrorShape(error);
}

/**
 * The error's words, plus what to do next where the CLI can say it (a certificate to trust); with --json
 * one JSON line, `{"error": {code, message, details}}`, so a script can tell the causes apart.
 */
function describeFailure(error: unknown, json: boolean): string {
  const shape = failureShape(error);
  if (json) return `${JSON.stringify({ error: shape })}\n`;
  const lines = [`wren: ${shape.message}${shape.code === 'Internal' ? ' (this is a bug in Wren)' : ''}`];
  lines.push(...certificateLines(shape, (flag) => `If you trust it, run the command again with ${flag} and that fingerprint.`));
  return `${lines.join('\n')}\n`;
}

function reportWait(accountId: number, holder: { pid: number; host: string }): void {
  process.stderr.write(`wren: another Wren process (pid ${holder.pid} on ${holder.host}) is syncing account ${accountId}; waiting for it to finish…\n`);
}

function reportTokenWait(accountId: number, holder: { pid: number; host: string }): void {
  process.stderr.write(`wren: another Wren process (pid ${holder.pid} on ${holder.host}) is renewing the sign-in of account ${accountId}; waiting for it…\n`);
}

export async function main(argv: string[]): Promise<number> {
  let core: WrenCore | undefined;
  let reportStats: (() => unknown) | undefined;
  try {
    const { dataDir, json, stats, rest } = splitGlobals(argv);
    if (stats) reportStats = startRunStats();
    if (rest.length === 0) {
      // No command: a usage error like a wrong one, said where errors go (a script's stdout stays empty).
      process.stderr.write(`${USAGE}\n`);
      return EXIT.usage;
    }
    if (['help', '--help', '-h'].includes(rest[0]!)) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    // `wren send` also sends whatever else is due in the outbox; other commands leave it to the app.
    core = WrenCore.open({
      dataDir, mode: 'cli', secrets: new KeyFileSecretStore(), onSyncWait: reportWait, onTokenWait: reportTokenWait, discovery: discoveryOverridesFromEnv(),
      outbox: rest[0] === 'send',
      // `wren watch` runs until stopped: an account another process removes meanwhile ends it (see watch-command).
      ...(rest[0] === 'watch' && { accountWatchMs: WATCH_ACCOUNTS_MS }),
    });
    const exitCode = stopOnSignal(core);
    const context = new CliContext(createHandlers(core), core.events, json, process.stdout, process.stderr, localAccessOf(core));
    const code = await run(context, rest[0], rest.slice(1));
    return rest[0] === 'watch' ? code : exitCode(code); // a signal is how watch is meant to end
  } catch (error) {
    // Read apart from splitGlobals, which may be what failed.
    process.stderr.write(describeFailure(error, argv.includes('--json')));
    return exitCodeFor(failureShape(error).code);
  } finally {
    await core?.close();
    reportStats?.();
  }
}
