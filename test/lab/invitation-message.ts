/** Outlook's time zone for China, as it writes it into every invitation (no daylight saving). */
const CHINA_STANDARD_TIME = [
  'BEGIN:VTIMEZONE',
  'TZID:China Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface InvitationOptions {
  uid?: string;
  method?: 'REQUEST' | 'CANCEL';
  summary?: string;
  location?: string;
  organizer?: string;
  /** Attendee addresses (the first is asked with RSVP, as Outlook does for everyone). */
  attendees?: string[];
  /** Local start in China Standard Time, "YYYYMMDDTHHMMSS"; the event lasts an hour. */
  start?: string;
  allDay?: string;
  /** true: weekly, four times; a string: that RRULE's value. */
  recurring?: boolean | string;
  sequence?: number;
}

/** An Outlook-style iTIP calendar: CRLF, its VTIMEZONE, a folded DESCRIPTION. */
export function invitationIcs(options: InvitationOptions = {}): string {
  const start = options.start ?? '20261208T140000';
  const end = `${start.slice(0, 9)}${String(Number(start.slice(9, 11)) + 1).padStart(2, '0')}${start.slice(11)}`;
  const when = options.allDay
    ? [`DTSTART;VALUE=DATE:${options.allDay}`, `DTEND;VALUE=DATE:${String(Number(options.allDay) + 1)}`]
    : [`DTSTART;TZID=China Standard Time:${start}`, `DTEND;TZID=China Standard Time:${end}`];
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'VERSION:2.0',
    `METHOD:${options.method ?? 'REQUEST'}`,
    ...CHINA_STANDARD_TIME,
    'BEGIN:VEVENT',
    `UID:${options.uid ?? '040000008200E00074C5B7101A82E0080000000010'}`,
    `SEQUENCE:${options.sequence ?? 0}`,
    `SUMMARY;LANGUAGE=zh-CN:${options.summary ?? '季度预算评审'}`,
    `LOCATION:${options.location ?? '3号会议室'}`,
    'DESCRIPTION:请带上第二季度的数字。We will go through the budget line by line and agree on the',
    '  numbers for next quarter.',
    ...when,
    `ORGANIZER;CN=Dan Li:mailto:${options.organizer ?? 'dan@example.test'}`,
    ...(options.attendees ?? ['bob@example.test', 'eve@example.test']).map(
      (address) => `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=${address}:mailto:${address}`,
    ),
    ...(options.recurring ? [`RRULE:${options.recurring === true ? 'FREQ=WEEKLY;COUNT=4' : options.recurring}`] : []),
    ...(options.method === 'CANCEL' ? ['STATUS:CANCELLED'] : []),
    'DTSTAMP:20261201T080000Z',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** The invitation as mail: text and the calendar as alternatives (its calendar base64, as Outlook often sends it). */
export function invitationMessage(options: InvitationOptions & { to?: string; messageId?: string; base64?: boolean } = {}): string {
  const ics = invitationIcs(options);
  const calendarBody = options.base64 === false ? ics : Buffer.from(ics).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: Dan Li <${options.organizer ?? 'dan@example.test'}>`,
    `To: ${options.to ?? 'bob@example.test'}`,
    `Subject: ${options.method === 'CANCEL' ? 'Canceled: ' : ''}${options.summary ?? '季度预算评审'}`,
    'Date: Tue, 01 Dec 2026 08:00:00 +0000',
    `Message-ID: ${options.messageId ?? '<invite-1@example.test>'}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="inv"',
    '',
    '--inv',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Quarterly budget review. 请带上第二季度的数字。',
    '--inv',
    `Content-Type: text/calendar; charset=utf-8; method=${options.method ?? 'REQUEST'}`,
    `Content-Transfer-Encoding: ${options.base64 === false ? '8bit' : 'base64'}`,
    '',
    calendarBody,
    '--inv--',
    '',
  ].join('\r\n');
}
