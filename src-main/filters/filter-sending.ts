import type { ComposeStarter } from '../compose/compose-starter';
import { identitiesOf } from '../compose/identities';
import type { ForwardAs } from '../ipc/filter-shapes';
import { messageHeaderFields } from '../messages/message-header-fields';
import type { MessageReader } from '../messages/message-reader';
import { MessageRedirect } from '../messages/message-redirect';
import { parseAddressList } from '../mime/addresses';
import { firstHeader, splitHeaderBlock } from '../mime/raw-headers';
import { WrenError } from '../errors/wren-error';
import { isTemplate } from '../compose/templates';
import type { OutboxService } from '../outbox/outbox-service';
import type { ComposeLanguage } from '../compose/quote-original';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import type { SendOn } from './filter-runner';

/** Addresses no one reads (RFC 3834's mailer daemons, list robots, no-reply senders): never answered automatically. */
const NO_REPLY = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|[^@]*-request|owner-[^@]*)@/i;

/** What filter sending reaches late: the outbox and the composer are made after the filters. */
export interface FilterSendingParts {
  outbox(): OutboxService;
  compose(): ComposeStarter;
  /** The language a forward's attribution line is written in (no window to ask: Settings', else the system's). */
  language(): ComposeLanguage;
}

/**
 * A filter's Redirect (the message sent on as it is, MessageRedirect, from the account's identity it was sent
 * to), Forward (a new message, Fwd:, the original quoted or attached, as the composer's Forward starts it, from
 * the same identity) and
 * Reply with Template, all through the outbox at once. Neither goes round in a loop when the address brings the mail back to the
 * same Inbox: a message this account sent on already (a Resent-From naming one of its identities) is not
 * redirected again, and a message from one of its identities (a forward it made) is not forwarded again.
 */
export class FilterSending implements SendOn {
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
    private readonly parts: FilterSendingParts,
  ) {}

  async redirect(messageId: number, to: string): Promise<'sent' | 'skipped'> {
    const record = this.reader.requireMessage(messageId);
    if (await this.sentOnByUs(record)) return 'skipped';
    await new MessageRedirect(this.store, this.reader, this.parts.outbox()).redirect(record.id, [{ name: '', address: to }]);
    return 'sent';
  }

  async forward(messageId: number, to: string, as: ForwardAs): Promise<'sent' | 'skipped'> {
    const record = this.reader.requireMessage(messageId);
    const ours = this.ownAddresses(record);
    if (ours.has(record.from.address.toLowerCase()) || (await this.sentOnByUs(record, ours))) return 'skipped';
    const mode = as === 'attachment' ? 'forwardAttachment' : 'forward';
    // From the identity the composer's Forward starts with: the one the message was sent to, with its signature.
    const composed = await this.parts.compose().start({ mode, messageId, language: this.parts.language() });
    await this.parts.outbox().send({ ...composed, to: [{ name: '', address: to }] }, { sendAt: null, undoSeconds: 0 });
    return 'sent';
  }

  /**
   * Thunderbird's Reply with Template: the composer's Reply (recipients, Re:, threading; the original then marked
   * answered) with the template's text, formatting and files instead of the quote, marked Auto-Submitted. As RFC
   * 3834 asks of automatic replies, none goes to mail that says it is automatic itself (Auto-Submitted, Precedence
   * bulk, list or junk), to a mailing list (List-Id), to a mailer daemon or a no-reply address, or to oneself; nor to
   * a message answered already.
   */
  async reply(messageId: number, templateId: number): Promise<'sent' | 'skipped'> {
    const record = this.reader.requireMessage(messageId);
    // Answered already (by hand, or by this filter in an earlier run): a second "Run now" sends nobody a second reply.
    if (record.flags.includes('\\Answered')) return 'skipped';
    if (this.ownAddresses(record).has(record.from.address.toLowerCase()) || (await this.automatic(record))) return 'skipped';
    const template = this.store.messages.get(templateId);
    if (!template || !isTemplate(this.store, template.folderId)) {
      throw new WrenError('NotFound', `The filter's template ${templateId} is no longer in a Templates folder.`, { messageId: templateId });
    }
    const language = this.parts.language();
    const reply = await this.parts.compose().start({ mode: 'reply', messageId, language });
    const written = await this.parts.compose().start({ mode: 'editAsNew', messageId: templateId, accountId: reply.accountId, language });
    const answer = { ...reply, text: written.text, html: written.html, attachments: written.attachments, autoSubmitted: true as const };
    await this.parts.outbox().send(answer, { sendAt: null, undoSeconds: 0 });
    return 'sent';
  }

  /** Whether the message says it was sent by a program, or to a list, or comes from an address no one reads. */
  private async automatic(record: MessageRecord): Promise<boolean> {
    if (!record.from.address || NO_REPLY.test(record.from.address)) return true;
    const block = await messageHeaderFields(this.store, record, this.reader.imapFor(record));
    // Unread, it might be a robot's: no answer is risked (the run counts it as not done).
    if (!block) throw new WrenError('Offline', `The header fields of message ${record.id} could not be read to see whether it may be answered.`, { messageId: record.id });
    const headers = splitHeaderBlock(block);
    const submitted = firstHeader(headers, 'auto-submitted')?.trim().toLowerCase();
    const precedence = firstHeader(headers, 'precedence')?.trim().toLowerCase();
    return (submitted !== undefined && submitted !== 'no') || ['bulk', 'list', 'junk'].includes(precedence ?? '') || firstHeader(headers, 'list-id') !== null;
  }

  /** The addresses of the identities of the message's account, lower-cased. */
  private ownAddresses(record: MessageRecord): Set<string> {
    const account = record.accountId === null ? undefined : this.store.accounts.get(record.accountId);
    return new Set(account ? identitiesOf(this.store, account).map((identity) => identity.email.toLowerCase()) : []);
  }

  /** Whether this account sent the message on already (a Resent-From naming one of its identities). */
  private async sentOnByUs(record: MessageRecord, ours = this.ownAddresses(record)): Promise<boolean> {
    if (ours.size === 0) return false;
    const block = await messageHeaderFields(this.store, record, this.reader.imapFor(record));
    const resentBy = splitHeaderBlock(block ?? Buffer.alloc(0))
      .filter((header) => header.name === 'resent-from')
      .flatMap((header) => parseAddressList(header.value).addresses.map((address) => address.address.toLowerCase()));
    return resentBy.some((address) => ours.has(address));
  }
}
