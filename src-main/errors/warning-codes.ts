import { ERROR_CODES, type ErrorCode } from './error-codes';

/**
 * Problems met while reading a message that the user should know of, as
 * codes the renderer puts into words (src-renderer/i18n, both languages).
 * A message's warnings are strings (older ones are English sentences from
 * the parser); a coded one is `wren:<Code>`, where the code is one of these
 * or an ErrorCode such as DiskFull ("opened, but could not be saved").
 *
 * Shared by the main process and the renderer, so it must stay free of Node APIs.
 */
export const WARNING_CODES = [
  // The server's BODYSTRUCTURE did not fit the message; it was read from its full source.
  'StructureUntrusted',
  // No delimiter line matched the declared boundary; the parts were found from the lines actually used.
  'BoundaryRecovered',
  // A multipart whose parts could not be found at all, shown as one text.
  'BodyShownAsText',
  // A header block over the parser's usual 1 MB.
  'HugeHeader',
  // More than the parser's usual 1,000 MIME parts.
  'ManyParts',
  // MIME parts nested deeper than 100 levels (a fuzz or attack case): what is below is kept as one opaque attachment.
  'NestingTooDeep',
  // A POP3 message over the account's size limit: only its beginning (TOP) is stored; the rest comes when the server can be reached.
  'PartialDownload',
  // A partial POP3 message whose rest is no longer on the server (deleted there): only its beginning will ever be here.
  'PartialRestGone',
  // A POP3 check found UIDLs the server gives to more than one message: those stay on the server, not downloaded.
  'Pop3UidlsDuplicated',
  // A POP3 server changed the UIDLs of messages already downloaded: they were recognised (Message-ID and size), not downloaded again.
  'Pop3UidlsChanged',
  // A POP3 server refused to hand over messages it had listed (deleted by another client meanwhile): skipped, asked for again at the next check.
  'Pop3MessagesRefused',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

const PREFIX = 'wren:';

/** The string a coded warning travels as. */
export function codedWarning(code: WarningCode | ErrorCode): string {
  return `${PREFIX}${code}`;
}

/** The code a warning carries, or null for a plain sentence. */
export function warningCodeOf(warning: string): WarningCode | ErrorCode | null {
  if (!warning.startsWith(PREFIX)) return null;
  const code = warning.slice(PREFIX.length);
  const known: readonly string[] = [...WARNING_CODES, ...ERROR_CODES];
  return known.includes(code) ? (code as WarningCode | ErrorCode) : null;
}
