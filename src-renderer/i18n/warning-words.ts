import type { ErrorCode } from '../../src-main/errors/error-codes';
import { warningCodeOf, type WarningCode } from '../../src-main/errors/warning-codes';
import type { Dictionary, StringKey } from './en';

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
};

/**
 * The words for one of a message's warnings: a coded one in the reader's
 * language (an ErrorCode such as DiskFull in that error's words); an older
 * plain sentence from the parser as it came.
 */
export function describeWarning(dictionary: Dictionary, warning: string): string {
  const code = warningCodeOf(warning);
  if (code === null) return warning;
  if (code in WARNING_KEYS) return dictionary.strings[WARNING_KEYS[code as WarningCode]];
  return dictionary.errors[code as ErrorCode];
}
