import { serverLineExcerpt } from '../errors/server-line-excerpt';
import { WrenError } from '../errors/wren-error';

/**
 * imapflow's codes for a server that broke IMAP: a line its parser cannot read (ParserErrorN; the
 * bare ParserError when the parser gave none), Exchange's "Server Unavailable." in place of a
 * response, nesting, a literal, a line, a response or a token count past imapflow's limits, more
 * untagged answers to one command than it keeps, a tagged answer to a command not yet sent, a
 * completion that is neither OK, NO, BAD nor BYE, bytes after the end of a compressed stream.
 * The network carried all of them intact: the same server says the same again, so none is
 * "offline". Not here: MissingTag (a NO or BAD without its tag is still the server's refusal),
 * ParserErrorInternal and ResponseProcessingFailed (imapflow's own faults, see imapflowFault in imap-error.ts).
 */
const PROTOCOL_CODES = /^(?:ParserError\d*|ParserErrorExchange|MAX_IMAP_NESTING_REACHED|LiteralTooLarge|LineTooLarge|ResponseTooLarge|TooManyTokens|TooManyResponses|UnexpectedTag|InvalidResponse|COMPRESS_TRAILING_DATA)$/;

interface ParserFault {
  code?: unknown;
  message?: string;
  /** A command failed by an unreadable completion carries the parser's error here. */
  parserError?: ParserFault;
  /** What the parser was reading (the line, or the part of it after the tag and status). */
  parserContext?: { input?: unknown };
  /** MAX_IMAP_NESTING_REACHED: the beginning of the line. */
  _imapStr?: unknown;
}

export function isProtocolViolation(error: unknown): boolean {
  const code = (error as ParserFault | null)?.code;
  return typeof code === 'string' && PROTOCOL_CODES.test(code);
}

/**
 * The server broke IMAP (`error` from imapflow, see PROTOCOL_CODES) as ServerProtocolError, with
 * the text imapflow kept of the offending line in details.serverText when it kept any (not for a
 * literal, line or response refused for its size: imapflow drops those bytes unread); null for
 * any other error.
 */
export function protocolViolation(error: unknown, where: string, details: Record<string, unknown>): WrenError | null {
  if (!isProtocolViolation(error)) return null;
  const fault = error as ParserFault;
  const parser = fault.parserError ?? fault;
  const text = parser.parserContext?.input ?? parser._imapStr;
  const serverText = typeof text === 'string' && text !== '' ? serverLineExcerpt(text) : undefined;
  const said = serverText === undefined ? '' : `: ${serverText}`;
  const what = parser.message ?? fault.message ?? String(fault.code);
  return new WrenError('ServerProtocolError', `The ${where} broke the IMAP protocol (${what})${said}`, { ...details, ...(serverText !== undefined && { serverText }) }, { cause: error });
}
