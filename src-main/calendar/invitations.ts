import { buffer } from 'node:stream/consumers';
import { identitiesOf } from '../compose/identities';
import type { ComposeLanguage } from '../compose/quote-original';
import { identityForReply, type Identity } from '../compose/reply-recipients';
import { WrenError, isOfflineFault } from '../errors/wren-error';
import type { Invitation, InvitationAnswer } from '../ipc/contract';
import type { OperationsService } from '../journal/operations-service';
import { loadAttachment } from '../messages/attachment-export';
import type { MessageReader } from '../messages/message-reader';
import { chooseDisplayParts } from '../mime/choose-display-parts';
import { decodeText } from '../mime/decode-part';
import type { StructurePart } from '../mime/structure';
import { newMessageId } from '../outbox/message-id';
import type { OutboxService } from '../outbox/outbox-service';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { buildInvitationReply, replySubject } from './build-invitation-reply';
import { parseInvitation, type ParsedInvitation } from './read-invitation';

/** Larger than any invitation (Outlook's, with its time zones and HTML description, are a few KB): not read. */
const MAX_CALENDAR_BYTES = 1024 * 1024;

/** The message's calendar: its text/calendar part (Outlook, Google, Thunderbird), else an attached .ics. */
function calendarPart(record: MessageRecord): StructurePart | null {
  if (!record.structure) return null;
  const parts = chooseDisplayParts(record.structure).attachments;
  return parts.find((part) => part.type === 'text/calendar')
    ?? parts.find((part) => part.type === 'application/ics' || /\.ics$/i.test(part.filename ?? ''))
    ?? null;
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Calendar invitations in the reading pane, as Thunderbird shows them: what, when, where, who asks, and
 * Accept, Tentative or Decline, answered to the organizer with an iTIP REPLY through the outbox. Wren
 * keeps no calendar of its own: the answer is the organizer's to file, and the message is marked
 * \Answered (through the journal) so the user sees it was answered.
 */
export class Invitations {
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
    private readonly outbox: OutboxService,
    private readonly operations: OperationsService,
  ) {}

  /** The message's invitation; null when it carries none, or it cannot be read now (offline, not downloaded). */
  async of(messageId: number): Promise<Invitation | null> {
    const record = this.reader.requireMessage(messageId);
    const parsed = await this.parsed(record);
    return parsed && this.withYou(record, parsed).view;
  }

  /** Sends the answer (words in `language`) to the organizer; gives the reply's outbox entry. */
  async answer(messageId: number, answer: InvitationAnswer, language: ComposeLanguage): Promise<{ outboxId: number }> {
    const record = this.reader.requireMessage(messageId);
    const parsed = await this.parsed(record);
    const found = parsed && this.withYou(record, parsed);
    if (!parsed || !found?.view.canAnswer) {
      throw new WrenError('BadRequest', `Message ${messageId} holds no invitation that can be answered (none, cancelled, or without an organizer).`, { messageId });
    }
    const from = { name: found.identity.name, address: found.view.you?.address ?? found.identity.email, replyTo: null };
    const built = buildInvitationReply({ invitation: parsed, answer, from, messageId: newMessageId(found.identity.email), date: new Date(), language });
    const entry = await this.outbox.sendBuilt(record.accountId!, built, replySubject(parsed.invitation.summary, answer, language), { sendAt: null, undoSeconds: 0 });
    await this.operations.apply({ kind: 'flags', messageIds: [record.id], add: ['\\Answered'], remove: [] });
    return { outboxId: entry.id };
  }

  private async parsed(record: MessageRecord): Promise<ParsedInvitation | null> {
    const part = calendarPart(record);
    if (!part || part.size > MAX_CALENDAR_BYTES * 2) return null;
    let bytes: Buffer;
    try {
      const { blob } = await loadAttachment(this.store, record, part, this.reader.imapFor(record));
      if (blob.size > MAX_CALENDAR_BYTES) return null;
      bytes = await buffer(this.store.blobs.read(blob.blob));
    } catch (error) {
      // Out of reach, working offline, or gone from the server: no event to show now, as for a message without one.
      if (isOfflineFault(error) || (error instanceof WrenError && error.code === 'NotFound')) return null;
      throw error;
    }
    return parseInvitation(decodeText(bytes, part.parameters.charset ?? 'utf-8').text);
  }

  /** The user among the attendees (by the account's identities), and whether an answer can go. */
  private withYou(record: MessageRecord, parsed: ParsedInvitation): { view: Invitation; identity: Identity } {
    const account = record.accountId === null ? undefined : this.store.accounts.get(record.accountId);
    const identities = account ? identitiesOf(this.store, account) : [];
    const { invitation } = parsed;
    const you = invitation.attendees.find((attendee) => identities.some((identity) => sameAddress(identity.email, attendee.address))) ?? null;
    const identity = (you && identities.find((candidate) => sameAddress(candidate.email, you.address))) ?? identityForReply(identities, record);
    const canAnswer = invitation.method === 'REQUEST' && !invitation.cancelled && invitation.organizer !== null && Boolean(account?.smtp) && identity !== undefined;
    return { view: { ...invitation, you, canAnswer }, identity: identity! };
  }
}
