import type { AccountView } from '../../../src-main/ipc/contract';
import type { ErrorCode, ErrorShape } from '../../../src-main/errors/error-codes';
import type { AccountStatus } from '../MailView/use-account-activity';

/** What a problem banner offers: a new password, a new browser sign-in, the account's settings, another try now. */
export type ProblemAction = 'password' | 'signIn' | 'edit' | 'retry';

/** An account offline or failing, for a banner and the folder pane's mark; working offline is the user's choice, no problem. */
export function isTroubled(status: AccountStatus | undefined): status is AccountStatus {
  return (status?.state === 'offline' || status?.state === 'error') && status.error?.code !== 'WorkingOffline';
}

/** The login was refused, or the saved password cannot be opened: only a password entered again mends it. */
const PASSWORD_CODES: ReadonlySet<ErrorCode> = new Set(['AuthFailed', 'SecretUnavailable']);
/** The provider or the server no longer takes the account's tokens: a new browser sign-in (in the edit dialog) mends it. */
const SIGN_IN_CODES: ReadonlySet<ErrorCode> = new Set(['AuthFailed', 'OAuth2Rejected', 'OAuth2Failed']);
/** Faults a wrong server, port or security setting gives: the account's settings may be what to change. */
const SETTINGS_CODES: ReadonlySet<ErrorCode> = new Set(['HostNotFound', 'ConnectionRefused', 'Timeout', 'PlaintextNotAllowed', 'TlsUntrusted', 'ServerProtocolError']);

/**
 * The buttons for an account's problem, the mending first. "Try again" always comes last: a password changed back on
 * the server, a network back, a disk freed, and waiting for the next retry (minutes, with backoff) would be for nothing.
 */
export function problemActions(account: AccountView, error: ErrorShape | null): ProblemAction[] {
  const code = error?.code;
  if (code && account.auth === 'oauth2' && SIGN_IN_CODES.has(code)) return ['signIn', 'retry'];
  if (code && account.auth !== 'oauth2' && PASSWORD_CODES.has(code)) return ['password', 'retry'];
  if (code && SETTINGS_CODES.has(code)) return ['edit', 'retry'];
  return ['retry'];
}
