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
  // Decoding damage, with what it says (values): the message is shown all the same.
  'Base64Invalid',
  'QuotedPrintableInvalid',
  'TransferEncodingUnknown',
  'Utf8Invalid',
  'CharsetBytesInvalid',
  'CharsetMislabelled',
  'CharsetUnknown',
  // Raw 8-bit bytes in a header (GBK mail from many Chinese providers), decoded by a guessed charset.
  'RawHeaderBytes',
  'EncodedWordBroken',
  'EncodedWordBadEscape',
  'EncodedWordUnterminated',
  'DateUnreadable',
  'DateMissing',
  'HeadersMissing',
  'MultipartUnclosed',
  'MultipartNoBoundary',
  'AttachmentNotStored',
  'ParseStopped',
  'ReadFailed',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

const PREFIX = 'wren:';

/** What a coded warning says besides its code; `text` is its English sentence, for the CLI and logs. */
export type WarningValues = Record<string, string | number>;

export interface ParsedWarning {
  code: WarningCode | ErrorCode;
  values: WarningValues;
}

/**
 * The string a coded warning travels as: `wren:<Code>`, or `wren:<Code>:` and its
 * values as JSON. A message's warnings stay plain strings, so older caches and
 * plain sentences travel the same way.
 */
export function codedWarning(code: WarningCode | ErrorCode, values?: WarningValues): string {
  return values ? `${PREFIX}${code}:${JSON.stringify(values)}` : `${PREFIX}${code}`;
}

/** The code and values a warning carries, or null for a plain sentence (or a code this version does not know). */
export function parseWarning(warning: string): ParsedWarning | null {
  if (!warning.startsWith(PREFIX)) return null;
  const colon = warning.indexOf(':', PREFIX.length);
  const code = colon < 0 ? warning.slice(PREFIX.length) : warning.slice(PREFIX.length, colon);
  const known: readonly string[] = [...WARNING_CODES, ...ERROR_CODES];
  if (!known.includes(code)) return null;
  let values: WarningValues = {};
  if (colon >= 0) {
    try {
      values = JSON.parse(warning.slice(colon + 1)) as WarningValues;
    } catch {
      return null;
    }
  }
  return { code: code as WarningCode | ErrorCode, values };
}

/** The code a warning carries, or null for a plain sentence. */
export function warningCodeOf(warning: string): WarningCode | ErrorCode | null {
  return parseWarning(warning)?.code ?? null;
}

/**
 * The warning as met in a MIME part or a header field: a coded one carries
 * where (and its English sentence says it first); a plain one says it first.
 */
export function warningAt(where: { part?: string; header?: string }, warning: string): string {
  return labelledWarning([where.part && `part ${where.part}`, where.header].filter(Boolean).join(' '), where, warning);
}

/** The warning with `label` before its English sentence (or before the plain sentence it is), and `values` added to a coded one. */
export function labelledWarning(label: string, values: WarningValues, warning: string): string {
  const parsed = parseWarning(warning);
  if (!parsed) return `${label}: ${warning}`;
  const text = typeof parsed.values.text === 'string' ? `${label}: ${parsed.values.text}` : label;
  return codedWarning(parsed.code, { ...parsed.values, ...values, text });
}

/** A warning in English, for the CLI and logs: a coded one's sentence, else the string as it came. */
export function warningText(warning: string): string {
  const text = parseWarning(warning)?.values.text;
  return typeof text === 'string' ? text : warning;
}
