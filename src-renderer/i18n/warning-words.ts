import type { ErrorCode } from '../../src-main/errors/error-codes';
import { parseWarning, type WarningCode, type WarningValues } from '../../src-main/errors/warning-codes';
import type { Dictionary, StringKey } from './en';
import { translator, type Translate } from './translate';

/** Every WarningCode must have words, or this fails to compile. */
const WARNING_KEYS: Record<WarningCode, StringKey> = {
  StructureUntrusted: 'warning.structureUntrusted',
  BoundaryRecovered: 'warning.boundaryRecovered',
  BodyShownAsText: 'warning.bodyShownAsText',
  HugeHeader: 'warning.hugeHeader',
  ManyParts: 'warning.manyParts',
  NestingTooDeep: 'warning.nestingTooDeep',
  PartialDownload: 'warning.partialDownload',
  PartialRestGone: 'warning.partialRestGone',
  Pop3UidlsDuplicated: 'warning.pop3UidlsDuplicated',
  Pop3UidlsChanged: 'warning.pop3UidlsChanged',
  Pop3MessagesRefused: 'warning.pop3MessagesRefused',
  Base64Invalid: 'warning.base64Invalid',
  QuotedPrintableInvalid: 'warning.quotedPrintableInvalid',
  TransferEncodingUnknown: 'warning.transferEncodingUnknown',
  Utf8Invalid: 'warning.utf8Invalid',
  CharsetBytesInvalid: 'warning.charsetBytesInvalid',
  CharsetMislabelled: 'warning.charsetMislabelled',
  CharsetUnknown: 'warning.charsetUnknown',
  RawHeaderBytes: 'warning.rawHeaderBytes',
  EncodedWordBroken: 'warning.encodedWordBroken',
  EncodedWordBadEscape: 'warning.encodedWordBadEscape',
  EncodedWordUnterminated: 'warning.encodedWordUnterminated',
  DateUnreadable: 'warning.dateUnreadable',
  DateMissing: 'warning.dateMissing',
  HeadersMissing: 'warning.headersMissing',
  MultipartUnclosed: 'warning.multipartUnclosed',
  MultipartNoBoundary: 'warning.multipartNoBoundary',
  AttachmentNotStored: 'warning.attachmentNotStored',
  ParseStopped: 'warning.parseStopped',
  ReadFailed: 'warning.readFailed',
};

/** Header fields a warning may name, in the reader's language; any other keeps its own name. */
const FIELD_KEYS: Record<string, StringKey> = {
  subject: 'warning.field.subject',
  from: 'warning.field.from',
  sender: 'warning.field.sender',
  to: 'warning.field.to',
  cc: 'warning.field.cc',
  'file name': 'warning.field.fileName',
};

/**
 * The words for one of a message's warnings: a coded one in the reader's
 * language (an ErrorCode such as DiskFull in that error's words), with the
 * part or header field it was met in; an older plain sentence as it came.
 */
export function describeWarning(dictionary: Dictionary, warning: string): string {
  const parsed = parseWarning(warning);
  if (parsed === null) return warning;
  const t = translator(dictionary);
  const { code, values } = parsed;
  const words = code in WARNING_KEYS ? t(WARNING_KEYS[code as WarningCode], values) : dictionary.errors[code as ErrorCode];
  return located(t, values, words);
}

function located(t: Translate, values: WarningValues, words: string): string {
  const field = typeof values.header === 'string' ? values.header : null;
  const inField = field === null ? words : t('warning.inField', { field: FIELD_KEYS[field.toLowerCase()] ? t(FIELD_KEYS[field.toLowerCase()]!) : field, words });
  return typeof values.part === 'string' ? t('warning.inPart', { part: values.part, words: inField }) : inField;
}
