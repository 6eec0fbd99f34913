const KB = 1024;
const MB = 1024 * 1024;

/** Sizes as people read them in a mail client: whole KB below a megabyte, one decimal above. */
export function formatSize(bytes: number, locale: string): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / KB)).toLocaleString(locale)} KB`;
  return `${(bytes / MB).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}
