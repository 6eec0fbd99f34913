import { describe, expect, it } from 'vitest';
import { parseInvitation } from '../../../src-main/calendar/read-invitation';
import { invitationIcs } from '../../lab/invitation-message';

describe('parseInvitation (ical.js)', () => {
  it('an Outlook request: its time in its own VTIMEZONE (China Standard Time), the organizer and attendees', () => {
    const { invitation } = parseInvitation(invitationIcs())!;
    expect(invitation).toEqual({
      method: 'REQUEST',
      uid: '040000008200E00074C5B7101A82E0080000000010',
      summary: '季度预算评审',
      location: '3号会议室',
      description: '请带上第二季度的数字。We will go through the budget line by line and agree on the numbers for next quarter.',
      // 14:00 at +08:00 is 06:00 UTC, whatever zone this computer is in.
      start: Date.UTC(2026, 11, 8, 6, 0),
      end: Date.UTC(2026, 11, 8, 7, 0),
      allDay: false,
      recurring: false,
      repeats: null,
      cancelled: false,
      organizer: { name: 'Dan Li', address: 'dan@example.test' },
      attendees: [
        { name: 'bob@example.test', address: 'bob@example.test', status: 'needs-action' },
        { name: 'eve@example.test', address: 'eve@example.test', status: 'needs-action' },
      ],
    });
  });

  it('all day, recurring, cancelled', () => {
    expect(parseInvitation(invitationIcs({ allDay: '20261224' }))!.invitation).toMatchObject({ allDay: true, start: Date.UTC(2026, 11, 24), end: Date.UTC(2026, 11, 25) });
    expect(parseInvitation(invitationIcs({ recurring: true }))!.invitation.recurring).toBe(true);
    expect(parseInvitation(invitationIcs({ method: 'CANCEL' }))!.invitation).toMatchObject({ method: 'CANCEL', cancelled: true });
  });

  it('how it repeats: frequency, interval, weekdays, a monthly ordinal, count and until; null for a rule it cannot word', () => {
    const repeats = (rule: string | true) => parseInvitation(invitationIcs({ recurring: rule }))!.invitation.repeats;
    expect(repeats(true)).toEqual({ frequency: 'weekly', interval: 1, weekdays: [], nth: null, count: 4, until: null });
    expect(repeats('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270630T155959Z')).toEqual({
      frequency: 'weekly', interval: 2, weekdays: [1, 3], nth: null, count: null, until: Date.UTC(2027, 5, 30, 15, 59, 59),
    });
    expect(repeats('FREQ=MONTHLY;BYDAY=2TU;COUNT=6')).toMatchObject({ frequency: 'monthly', weekdays: [2], nth: 2, count: 6 });
    expect(repeats('FREQ=MONTHLY;BYDAY=-1FR')).toMatchObject({ weekdays: [5], nth: -1 });
    expect(repeats('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8')).toMatchObject({ frequency: 'yearly', weekdays: [] });
    expect(repeats('FREQ=HOURLY;INTERVAL=4')).toBeNull();
    expect(repeats('FREQ=MONTHLY;BYDAY=MO')).toBeNull();
    expect(repeats('FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR')).toBeNull();
    expect(parseInvitation(invitationIcs({ recurring: 'FREQ=HOURLY' }))!.invitation.recurring).toBe(true);
    expect(parseInvitation(invitationIcs())!.invitation.repeats).toBeNull();
  });

  it('none for what is not a calendar, or holds no event', () => {
    expect(parseInvitation('hello')).toBeNull();
    expect(parseInvitation('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toBeNull();
    expect(parseInvitation('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dan\r\nEND:VCARD\r\n')).toBeNull();
  });
});
