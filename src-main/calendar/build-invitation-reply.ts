import type { ComposeLanguage } from '../compose/quote-original';
import type { InvitationAnswer } from '../ipc/contract';
import type { BuiltMessage, SendingIdentity } from '../outbox/build-message';
import { icalJs, mimeNode } from '../system/first-use-packages';
import type { ParsedInvitation } from './read-invitation';

export interface InvitationReplyInput {
  invitation: ParsedInvitation;
  answer: InvitationAnswer;
  /** The user, as the attendee answering: the address the organizer invited. */
  from: SendingIdentity;
  /** With angle brackets. */
  messageId: string;
  date: Date;
  language: ComposeLanguage;
}

const PARTSTAT: Record<InvitationAnswer, string> = { accepted: 'ACCEPTED', tentative: 'TENTATIVE', declined: 'DECLINED' };

const WORDS = {
  en: {
    subject: { accepted: 'Accepted', tentative: 'Tentative', declined: 'Declined' },
    text: { accepted: 'has accepted this invitation', tentative: 'has tentatively accepted this invitation', declined: 'has declined this invitation' },
  },
  zh: {
    subject: { accepted: '已接受', tentative: '暂定', declined: '已拒绝' },
    text: { accepted: '已接受此邀请', tentative: '已暂定接受此邀请', declined: '已拒绝此邀请' },
  },
} as const;

/** "Accepted: Budget review", as Outlook and Thunderbird name a reply. */
export function replySubject(summary: string, answer: InvitationAnswer, language: ComposeLanguage): string {
  return `${WORDS[language].subject[answer]}${language === 'zh' ? '：' : ': '}${summary}`;
}

/**
 * The iTIP REPLY (RFC 5546 section 3.2.3): the event's UID, sequence, recurrence id and times as the
 * organizer sent them, and one ATTENDEE, the user, with the answer as PARTSTAT. The time zones the
 * request defined go with it, as its times refer to them.
 */
function replyCalendar({ invitation, answer, from, date }: InvitationReplyInput): string {
  const ical = icalJs();
  const reply = new ical.Component(['vcalendar', [], []]);
  reply.updatePropertyWithValue('prodid', '-//Wren//Wren Mail//EN');
  reply.updatePropertyWithValue('version', '2.0');
  reply.updatePropertyWithValue('method', 'REPLY');
  for (const zone of invitation.calendar.getAllSubcomponents('vtimezone')) reply.addSubcomponent(new ical.Component(zone.toJSON()));
  const event = new ical.Component('vevent');
  for (const name of ['uid', 'sequence', 'recurrence-id', 'dtstart', 'dtend', 'duration', 'summary', 'organizer']) {
    for (const property of invitation.event.getAllProperties(name)) event.addProperty(new ical.Property(property.toJSON()));
  }
  event.updatePropertyWithValue('dtstamp', ical.Time.fromJSDate(date, true));
  const attendee = new ical.Property('attendee');
  attendee.setValue(`mailto:${from.address}`);
  if (from.name) attendee.setParameter('cn', from.name);
  attendee.setParameter('partstat', PARTSTAT[answer]);
  event.addProperty(attendee);
  reply.addSubcomponent(event);
  return reply.toString();
}

/**
 * The answer to an invitation, to its organizer: a multipart/alternative of a line in words and the
 * text/calendar REPLY (method=REPLY), which Outlook, Google Calendar and Thunderbird file against the
 * event. Small, built with nodemailer's MIME tree.
 */
export function buildInvitationReply(input: InvitationReplyInput): BuiltMessage {
  const { invitation, answer, from, messageId, date, language } = input;
  const organizer = invitation.invitation.organizer!;
  const summary = invitation.invitation.summary;
  const MimeNode = mimeNode();
  const root = new MimeNode('multipart/alternative');
  root.date = date;
  root.setHeader({
    From: { name: from.name, address: from.address },
    To: { name: organizer.name, address: organizer.address },
    Subject: replySubject(summary, answer, language),
    'Message-ID': messageId,
    'X-Mailer': 'Wren',
  });
  const who = from.name || from.address;
  const calendar = replyCalendar(input);
  root.createChild('text/plain; charset=utf-8').setContent(`${who} ${WORDS[language].text[answer]}: ${summary}\r\n`);
  root.createChild('text/calendar; charset=utf-8; method=REPLY').setContent(calendar);
  return {
    messageId,
    envelope: { from: from.address, to: [organizer.address] },
    stream: () => root.createReadStream(),
    sizeBound: 16 * 1024 + (Buffer.byteLength(calendar) + Buffer.byteLength(summary)) * 3,
  };
}
