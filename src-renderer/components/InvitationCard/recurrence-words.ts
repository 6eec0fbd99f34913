import type { InvitationRecurrence } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import type { Translate } from '../../i18n/translate';

const EVERY: Record<InvitationRecurrence['frequency'], StringKey> = {
  daily: 'repeat.daily', weekly: 'repeat.weekly', monthly: 'repeat.monthly', yearly: 'repeat.yearly',
};
const EVERY_N: Record<InvitationRecurrence['frequency'], StringKey> = {
  daily: 'repeat.everyDays', weekly: 'repeat.everyWeeks', monthly: 'repeat.everyMonths', yearly: 'repeat.everyYears',
};
const NTH: Record<string, StringKey> = {
  '1': 'repeat.nth1', '2': 'repeat.nth2', '3': 'repeat.nth3', '4': 'repeat.nth4', '5': 'repeat.nth5', '-1': 'repeat.nthLast',
};
/** 7 January 2024 was a Sunday: day i of that week names weekday i. */
const A_SUNDAY = Date.UTC(2024, 0, 7);

function weekdayName(day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(A_SUNDAY + day * 86_400_000));
}

/**
 * How an event repeats, in the user's language, as Thunderbird's invitation says it: "Every 2 weeks on Monday and
 * Wednesday, 10 times", "每月的第二个星期二，直到 2027年6月30日". The end date is the calendar's own day for an
 * all-day event (read in UTC), else in the user's zone.
 */
export function recurrenceWords(repeats: InvitationRecurrence, allDay: boolean, t: Translate, locale: string): string {
  let words = repeats.interval === 1 ? t(EVERY[repeats.frequency]) : t(EVERY_N[repeats.frequency], { count: repeats.interval });
  const ordinal = repeats.nth === null ? undefined : NTH[String(repeats.nth)];
  if (ordinal && repeats.weekdays.length === 1) {
    words += t('repeat.onNth', { nth: t(ordinal), day: weekdayName(repeats.weekdays[0]!, locale) });
  } else if (repeats.weekdays.length > 0) {
    const days = new Intl.ListFormat(locale, { type: 'conjunction' }).format(repeats.weekdays.map((day) => weekdayName(day, locale)));
    words += t('repeat.onDays', { days });
  }
  if (repeats.count !== null) words += t('repeat.times', { count: repeats.count });
  if (repeats.until !== null) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(allDay && { timeZone: 'UTC' }) }).format(new Date(repeats.until));
    words += t('repeat.until', { date });
  }
  return words;
}
