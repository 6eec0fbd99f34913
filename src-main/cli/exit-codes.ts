import type { ErrorCode } from '../errors/error-codes';
import { isUnreachableCode } from '../errors/wren-error';
import { PATIENCE_CODES } from '../sync/failure-policy';

/**
 * The `wren` command's exit codes, all decided here from the error codes and written out once
 * (EXIT_CODES_USAGE, shown by `wren --help`; README's CLI section). Beyond 0-2 they are BSD's
 * sysexits.h numbers, as sendmail and msmtp use them, so a mail script may know them already.
 */
export const EXIT = {
  /** Done. A change made offline is done here and queued for the next sync: also 0. */
  ok: 0,
  /** It failed: the server refused it, no such account, message or folder, nothing found, a full disk… */
  failed: 1,
  /** The command line is wrong: an unknown command or option, a missing or invalid argument. */
  usage: 2,
  /** EX_SOFTWARE: a bug in Wren. */
  bug: 70,
  /** EX_TEMPFAIL: the server could not be reached (offline), or asked to be tried later; the same command later may work. */
  tryLater: 75,
  /** EX_NOPERM: the server refused the login (the password, the sign-in); a retry will not help until it is fixed. */
  loginRefused: 77,
  /** Ctrl-C or SIGTERM stopped it (128 + SIGINT, as a shell reports it). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const USAGE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['BadRequest', 'UnknownMethod', 'FolderNameInvalid']);
const LOGIN_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['AuthFailed', 'Unauthorized', 'OAuth2Failed', 'OAuth2Rejected', 'OAuth2WrongAccount']);
/** Besides the network's faults and a server asking for patience: another Wren holding the database, an SMTP 4xx. */
const LATER_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['Offline', 'WorkingOffline', 'DatabaseBusy', 'SmtpDeferred']);

/** The exit code for a command that failed with `code`. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  if (USAGE_CODES.has(code)) return EXIT.usage;
  if (LOGIN_CODES.has(code)) return EXIT.loginRefused;
  if (isUnreachableCode(code) || PATIENCE_CODES.has(code) || LATER_CODES.has(code)) return EXIT.tryLater;
  if (code === 'Internal') return EXIT.bug;
  return EXIT.failed;
}

/**
 * One exit code for several outcomes (`wren sync` of every account, a move touching two accounts):
 * 0 when all went well, their code when every failure agrees (all offline: 75), else 1.
 */
export function combinedExitCode(codes: readonly number[]): number {
  const failures = new Set(codes.filter((code) => code !== EXIT.ok));
  if (failures.size === 0) return EXIT.ok;
  return failures.size === 1 ? [...failures][0]! : EXIT.failed;
}

/** What `wren --help` says about them. */
export const EXIT_CODES_USAGE = `Exit codes:
  0   done (a change made offline is done here and queued for the next sync; a message held for later)
  1   failed: the server refused it, no such account/message/folder, nothing found, a local fault (disk full)
  2   usage: an unknown command or option, a missing or invalid argument
  70  a bug in Wren (EX_SOFTWARE)
  75  try later: the server cannot be reached (offline), or it asked to be tried later; a sent message is
      queued (EX_TEMPFAIL)
  77  the server refused the login: the password or the sign-in (EX_NOPERM)
  130 stopped by Ctrl-C or SIGTERM (wren watch: 0, that is how it is meant to end)
  Several accounts failing for different reasons: 1 (each reason on stderr).`;
