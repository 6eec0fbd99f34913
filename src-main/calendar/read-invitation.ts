import type ICAL from 'ical.js';
import type { Address, Invitation, InvitationAttendee, InvitationRecurrence } from '../ipc/contract';
import { icalJs } from '../system/first-use-packages';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

/** What the reading pane needs, before it knows the user's own addresses (see invitationFor). */
export type ReadInvitation = Omit<Invitation, 'you' | 'canAnswer'>;

/** The calendar's parts a reply copies (the parsed event, and its time zones). */
export interface ParsedInvitation {
  invitation: ReadInvitation;
  calendar: Component;
  event: Component;
}

const mailAddress = (value: unknown) => (typeof value === 'string' ? value.replace(/^mailto:/i, '').trim() : '');

function person(property: Property | null): Address | null {
  if (!property) return null;
  const address = mailAddress(property.getFirstValue());
  if (!address) return null;
  const name = property.getParameter('cn');
  return { name: typeof name === 'string' ? name : '', address };
}

function attendee(property: Property): InvitationAttendee | null {
  const found = person(property);
  if (!found) return null;
  const status = property.getParameter('partstat');
  return { ...found, status: typeof status === 'string' ? status.toLowerCase() : 'needs-action' };
}

/**
 * The instant a DATE-TIME names. Its zone is the calendar's own VTIMEZONE (registered before this is
 * read); a zone the calendar does not define is read as floating, in the computer's own time, as a
 * calendar without it would show it. A DATE (all day) is midnight UTC of that day.
 */
function instant(time: Time | null): number | null {
  if (!time) return null;
  if (time.isDate) return Date.UTC(time.year, time.month - 1, time.day);
  return time.toJSDate().getTime();
}

const FREQUENCIES: readonly InvitationRecurrence['frequency'][] = ['daily', 'weekly', 'monthly', 'yearly'];
const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * The event's first RRULE as the reading pane words it: by day, week, month or year, on which weekdays (a
 * monthly "second Tuesday" too), how many times or until when. Null without one, or for a rule beyond that
 * (hourly, by set position…): the event is then only said to repeat.
 */
function recurrence(event: Component): InvitationRecurrence | null {
  const rule = event.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur> | null;
  if (!rule || typeof rule !== 'object') return null;
  const frequency = String(rule.freq ?? '').toLowerCase() as InvitationRecurrence['frequency'];
  if (!FREQUENCIES.includes(frequency)) return null;
  const other = Object.keys(rule.parts ?? {}).filter((part) => part !== 'BYDAY');
  if (other.length > 0 && !(frequency === 'yearly' && other.every((part) => part === 'BYMONTH' || part === 'BYMONTHDAY'))) return null;
  const days = (rule.getComponent('byday') as string[]).map((code) => /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(String(code)));
  if (days.some((match) => !match || !WEEKDAY_CODES.includes(match[2]!))) return null;
  const ordinals = days.map((match) => (match![1] ? Number(match![1]) : null));
  if (ordinals.some((ordinal) => ordinal !== null) && days.length !== 1) return null;
  // Monthly or yearly on a plain weekday is every such weekday of the month: not what "every month on Monday" says.
  if ((frequency === 'monthly' || frequency === 'yearly') && days.length > 0 && ordinals[0] === null) return null;
  return {
    frequency,
    interval: rule.interval && rule.interval > 0 ? rule.interval : 1,
    weekdays: days.map((match) => WEEKDAY_CODES.indexOf(match![2]!)),
    nth: ordinals[0] ?? null,
    count: typeof rule.count === 'number' ? rule.count : null,
    until: rule.until ? instant(rule.until) : null,
  };
}

const text = (event: Component, name: string): string | null => {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/**
 * Reads an iTIP message's calendar (RFC 5546) with ical.js, Mozilla's parser that Thunderbird uses:
 * its method and first event. Null when it holds no event or is not iCalendar at all.
 */
export function parseInvitation(ics: string): ParsedInvitation | null {
  const ical = icalJs();
  let calendar: Component;
  try {
    calendar = new ical.Component(ical.parse(ics) as unknown[]);
  } catch {
    return null;
  }
  if (calendar.name !== 'vcalendar') return null;
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ical.TimezoneService.register(zone);
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) return null;
  const parsed = new ical.Event(event);
  const method = String(calendar.getFirstPropertyValue('method') ?? 'PUBLISH').toUpperCase();
  const start = parsed.startDate ?? null;
  return {
    calendar,
    event,
    invitation: {
      method,
      uid: parsed.uid ?? '',
      summary: parsed.summary ?? '',
      location: text(event, 'location'),
      description: text(event, 'description'),
      start: instant(start),
      end: instant(event.hasProperty('dtend') || event.hasProperty('duration') ? parsed.endDate : null),
      allDay: start?.isDate ?? false,
      recurring: parsed.isRecurring(),
      repeats: recurrence(event),
      cancelled: method === 'CANCEL' || String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
      organizer: person(event.getFirstProperty('organizer')),
      attendees: event.getAllProperties('attendee').map(attendee).filter((a): a is InvitationAttendee => a !== null),
    },
  };
}
