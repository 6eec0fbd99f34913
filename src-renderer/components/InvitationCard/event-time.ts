import type { Invitation } from '../../../src-main/ipc/contract';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the event is, in the user's language and time zone: "Tue, Dec 8, 2026, 2:00 – 3:00 PM" (Intl's
 * range keeps one date when both ends share it). An all-day event's days are the calendar's own, not
 * moved by the zone (read in UTC), its end exclusive as iCalendar gives it.
 */
export function eventTimeWords(invitation: Pick<Invitation, 'start' | 'end' | 'allDay'>, locale: string): string {
  const { start, end, allDay } = invitation;
  if (start === null) return '';
  if (allDay) {
    const days = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const last = end !== null && end - start > DAY_MS ? end - DAY_MS : null;
    return last === null ? days.format(new Date(start)) : days.formatRange(new Date(start), new Date(last));
  }
  const times = new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  return end === null || end <= start ? times.format(new Date(start)) : times.formatRange(new Date(start), new Date(end));
}
