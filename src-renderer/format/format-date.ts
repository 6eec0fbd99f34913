/** In a list, today's mail shows only its time; older mail shows its date and time. */
export function formatListDate(epochMs: number | null, locale: string, now = new Date()): string {
  if (epochMs === null) return '';
  const date = new Date(epochMs);
  const sameDay = date.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatFullDate(epochMs: number | null, locale: string): string {
  if (epochMs === null) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(epochMs));
}

export function formatTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(epochMs));
}

/**
 * A certificate's validity date, which the core passes on as OpenSSL words it
 * ("Dec  3 10:08:31 2026 GMT"), in the user's language; text that is no date stays as it is.
 */
export function formatCertificateDate(text: string, locale: string): string {
  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs)) return text;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(epochMs));
}

/** `YYYY-MM-DD` of the local day: what a date input holds, and what the search's date operators take. */
export function localDayText(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

export function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}
