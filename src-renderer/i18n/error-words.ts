import { isKeptHereFolderNameInvalid, isLocalFolderNameInvalid, type ErrorCode, type ErrorShape } from '../../src-main/errors/error-codes';
import type { BackgroundErrorCode, Dictionary } from './en';
import { translator, type Translate } from './translate';

/** For these the core's own message is the only useful specific, so it is shown too. */
const CODES_WITH_DETAIL: ReadonlySet<ErrorCode> = new Set(['ServerSaid', 'ServerProtocolError', 'ServerThrottled', 'FolderReadOnly', 'SmtpRejected', 'SmtpDeferred', 'BadRequest', 'Internal', 'UnknownMethod']);

/**
 * Where an error is shown: while the user sets up an account (a test
 * connection, saving it), where advice about the settings helps; or in the
 * background, about an account that worked before, where it would mislead.
 */
export type ErrorContext = 'setup' | 'background';

/**
 * The words a user reads for an error: the sentence for its code, then what
 * the details add (certificate fingerprint, which server, the server's reply).
 */
export function describeError(dictionary: Dictionary, error: ErrorShape, context: ErrorContext = 'setup'): string[] {
  const t = translator(dictionary);
  const ownSeparator = ownSeparatorHeadline(t, error);
  const lines = [ownSeparator ?? headline(dictionary, error.code, context)];
  const fingerprint = certificateFingerprint(error);
  if (fingerprint) lines.push(t('error.fingerprint', { fingerprint }));
  const where = serverAddress(error.details);
  if (where) lines.push(t('error.where', { where }));
  if (context === 'setup' && hangsUpAtOnce(error)) lines.push(t('error.checkSecurity'));
  const signedInAs = error.details?.signedInAs;
  if (typeof signedInAs === 'string') lines.push(t('error.signedInAs', { address: signedInAs }));
  const folder = error.details?.folder;
  if (typeof folder === 'string') lines.push(t('error.folder', { folder }));
  const separator = error.details?.delimiter;
  if (error.code === 'FolderNameInvalid' && !ownSeparator && typeof separator === 'string') lines.push(t('error.separator', { separator }));
  const detail = CODES_WITH_DETAIL.has(error.code) ? detailText(error) : '';
  if (detail) lines.push(t('error.detail', { detail }));
  return lines;
}

/**
 * Causes that, while an account is set up, nearly always mean the port wants the other security setting: TLS
 * spoken to a plain port (whose greeting in clear text OpenSSL reads as a record of a wrong version, or which
 * hangs up at once), or a plain client waiting for the greeting of a port that waits for TLS first (465, 993,
 * 995) until the greeting times out.
 */
const WRONG_SECURITY_CAUSES: ReadonlySet<unknown> = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ClosedAfterConnectTLS', 'ClosedAfterConnectText', 'GREETING_TIMEOUT',
]);

function hangsUpAtOnce(error: ErrorShape): boolean {
  return (error.code === 'ConnectionLost' || error.code === 'Timeout') && WRONG_SECURITY_CAUSES.has(error.details?.cause);
}

function headline(dictionary: Dictionary, code: ErrorCode, context: ErrorContext): string {
  const background = context === 'background' ? (dictionary.backgroundErrors as Partial<Record<ErrorCode, string>>)[code as BackgroundErrorCode] : undefined;
  return background ?? dictionary.errors[code] ?? dictionary.errors.Internal;
}

/**
 * The usual words speak of a server, which folders kept on this computer do not have (the Local Folders, a POP3
 * account's): these name the separator in the sentence itself. Null for a server's folder.
 */
function ownSeparatorHeadline(t: Translate, error: ErrorShape): string | null {
  const key = isLocalFolderNameInvalid(error) ? 'error.localFolderNameInvalid' : isKeptHereFolderNameInvalid(error) ? 'error.keptHereFolderNameInvalid' : null;
  if (!key) return null;
  const separator = error.details?.delimiter;
  return t(key, { separator: typeof separator === 'string' ? separator : '/' });
}

export function certificateFingerprint(error: ErrorShape): string | null {
  const certificate = error.details?.certificate;
  if (typeof certificate !== 'object' || certificate === null) return null;
  const fingerprint = (certificate as { fingerprint256?: unknown }).fingerprint256;
  return typeof fingerprint === 'string' ? fingerprint : null;
}

function serverAddress(details: Record<string, unknown> | undefined): string {
  const host = details?.host;
  if (typeof host !== 'string') return '';
  return typeof details?.port === 'number' ? `${host}:${details.port}` : host;
}

/** The server's own words, as it sent them (no language of ours can say them better); null when it said none. */
export function serverWords(error: ErrorShape): string | null {
  const serverText = error.details?.serverText ?? error.details?.response;
  return typeof serverText === 'string' && serverText ? serverText : null;
}

function detailText(error: ErrorShape): string {
  const problems = error.details?.problems;
  if (Array.isArray(problems) && problems.length > 0) return problems.map(String).join('; ');
  const serverText = serverWords(error);
  if (serverText) return serverText;
  // A folder opened read-only has no words of the server's: the headline and the folder say it all,
  // and the core's English sentence would only repeat it untranslated.
  return error.code === 'FolderReadOnly' ? '' : error.message;
}
