import { text } from 'node:stream/consumers';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildInvitationReply } from '../../../src-main/calendar/build-invitation-reply';
import { parseInvitation } from '../../../src-main/calendar/read-invitation';
import { invitationIcs } from '../../lab/invitation-message';

const reply = (answer: 'accepted' | 'tentative' | 'declined', language: 'en' | 'zh' = 'en') =>
  buildInvitationReply({
    invitation: parseInvitation(invitationIcs({ sequence: 2 }))!, answer, language,
    from: { name: 'Bob', address: 'bob@example.test', replyTo: null }, messageId: '<reply-1@example.test>', date: new Date(Date.UTC(2026, 11, 5, 9, 0)),
  });

describe('buildInvitationReply (iTIP REPLY, RFC 5546)', () => {
  it('to the organizer: the event named by UID and SEQUENCE, the user as the one ATTENDEE with the answer', async () => {
    const built = reply('accepted');
    expect(built.envelope).toEqual({ from: 'bob@example.test', to: ['dan@example.test'] });
    const parsed = await simpleParser(await text(built.stream()));
    expect(parsed.subject).toBe('Accepted: 季度预算评审');
    expect(parsed.to).toMatchObject({ value: [{ name: 'Dan Li', address: 'dan@example.test' }] });
    expect(parsed.text).toBe('Bob has accepted this invitation: 季度预算评审\n');
    const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
    expect(calendar).toBeDefined();
    const ics = calendar.content.toString('utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('METHOD:REPLY\r\n');
    expect(ics).toContain('UID:040000008200E00074C5B7101A82E0080000000010\r\n');
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics).toContain('DTSTART;TZID=China Standard Time:20261208T140000\r\n');
    expect(ics).toContain('TZID:China Standard Time\r\n'); // the zone its times refer to goes with them
    expect(ics).toContain('ORGANIZER;CN=Dan Li:mailto:dan@example.test\r\n');
    expect(ics).toContain('DTSTAMP:20261205T090000Z\r\n');
    expect(ics.match(/^ATTENDEE[^\r\n]*/gm)).toEqual(['ATTENDEE;CN=Bob;PARTSTAT=ACCEPTED:mailto:bob@example.test']);
    // What programs read: the REPLY parses back to the same event, with the answer.
    const back = parseInvitation(ics)!.invitation;
    expect(back).toMatchObject({ method: 'REPLY', uid: '040000008200E00074C5B7101A82E0080000000010', start: Date.UTC(2026, 11, 8, 6, 0) });
    expect(back.attendees).toEqual([{ name: 'Bob', address: 'bob@example.test', status: 'accepted' }]);
  });

  it('tentative and declined, in Chinese words', async () => {
    const tentative = await simpleParser(await text(reply('tentative', 'zh').stream()));
    expect(tentative.subject).toBe('暂定：季度预算评审');
    expect(tentative.text).toBe('Bob 已暂定接受此邀请: 季度预算评审\n');
    const declined = await simpleParser(await text(reply('declined', 'zh').stream()));
    expect(declined.subject).toBe('已拒绝：季度预算评审');
    expect(declined.attachments[0]!.content.toString()).toContain('PARTSTAT=DECLINED');
  });
});
