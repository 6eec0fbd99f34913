import { WrenError } from '../../errors/wren-error';

/** A login that may carry an OAuth2 token (IMAP, POP3 and SMTP logins all do). */
interface TokenLogin {
  accessToken?: string;
}

/** Gives a login with a renewed token after the server refused `rejected`, or null when none can be had. */
export type RenewLogin<L extends TokenLogin> = (rejected: string) => Promise<L | null>;

/**
 * Runs `attempt`; when the server refuses an OAuth2 token (AuthFailed) it is
 * renewed once and the attempt made again. A token refused again (or one that
 * cannot be renewed) is OAuth2Rejected: only a new browser sign-in helps, and
 * saying "wrong password" to someone who never typed one would mislead.
 */
export async function withRenewedToken<L extends TokenLogin, T>(login: L, renew: RenewLogin<L> | undefined, attempt: (login: L) => Promise<T>): Promise<T> {
  try {
    return await attempt(login);
  } catch (error) {
    // Without a way to renew here (the sync worker's own connections), the caller that has one decides.
    if (!login.accessToken || !renew || !isAuthFailure(error)) throw error;
    const renewed = await renew(login.accessToken);
    if (!renewed) throw rejected(error);
    try {
      return await attempt(renewed);
    } catch (again) {
      throw isAuthFailure(again) ? rejected(again) : again;
    }
  }
}

function isAuthFailure(error: unknown): error is WrenError {
  return error instanceof WrenError && error.code === 'AuthFailed';
}

function rejected(error: WrenError): WrenError {
  return new WrenError('OAuth2Rejected', `${error.message} The server does not accept this account's sign-in token, even renewed: sign in with the browser again.`, { ...error.details, oauth2: true }, { cause: error });
}
