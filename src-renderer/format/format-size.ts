import type { Translate } from '../i18n/translate';

const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * MB;

const oneDecimal = (value: number, locale: string) => value.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/**
 * Sizes as people read them in a mail client: bytes below a kilobyte (as Thunderbird: a 53-byte file is not
 * "1 KB"), whole KB below a megabyte, one decimal above (a mailbox's quota runs to GB).
 */
export function formatSize(bytes: number, t: Translate, locale: string): string {
  if (bytes < KB) return t('size.bytes', { count: bytes });
  if (bytes < MB) return `${Math.round(bytes / KB).toLocaleString(locale)} KB`;
  if (bytes < GB) return `${oneDecimal(bytes / MB, locale)} MB`;
  return `${oneDecimal(bytes / GB, locale)} GB`;
}
