const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * MB;

const oneDecimal = (value: number, locale: string) => value.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Sizes as people read them in a mail client: whole KB below a megabyte, one decimal above (a mailbox's quota runs to GB). */
export function formatSize(bytes: number, locale: string): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / KB)).toLocaleString(locale)} KB`;
  if (bytes < GB) return `${oneDecimal(bytes / MB, locale)} MB`;
  return `${oneDecimal(bytes / GB, locale)} GB`;
}
