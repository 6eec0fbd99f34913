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
