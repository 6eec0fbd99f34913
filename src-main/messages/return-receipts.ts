import { identitiesOf } from '../compose/identities';
import type { ComposeLanguage } from '../compose/quote-original';
import { identityForReply } from '../compose/reply-recipients';
import { WrenError } from '../errors/wren-error';
import type { FolderRole, ReceiptCase, ReceiptCasePolicy, ReceiptRequest } from '../ipc/contract';
import type { OperationsService } from '../journal/operations-service';
import { buildReceipt, receiptSubject } from '../outbox/build-receipt';
import { newMessageId } from '../outbox/message-id';
import type { OutboxService } from '../outbox/outbox-service';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import type { MessageReader } from './message-reader';
import { receiptCase } from './receipt-case';
import { loadReceiptRequest, MDN_SENT } from './return-receipt';

/**
 * Where a request is never put to the user: the user's own mail (Sent, Drafts), and Junk, where a
 * receipt would only tell a spammer that the address reads its mail.
 */
const NOT_ASKED_IN: ReadonlySet<FolderRole> = new Set(['sent', 'drafts', 'junk']);

/**
 * The reading pane's return receipts (RFC 8098), the user's choice: a message that asks for one is offered
 * Send or Ignore once, unless the settings answer its case by themselves (Thunderbird's "Allow return
 * receipts for some messages": always send, or never, when the message is shown); either answer marks it
 * $MDNSent (through the operations journal, so the server keeps it and no other device asks again). A
 * receipt leaves through the outbox at once.
 */
export class ReturnReceipts {
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
    private readonly outbox: OutboxService,
    private readonly operations: OperationsService,
    /** What the settings say for a case (Thunderbird's "Allow return receipts for some messages"). */
    private readonly policyFor: (receiptCase: ReceiptCase) => ReceiptCasePolicy = () => 'ask',
  ) {}

  /** The message's request, or null when it asks none, was answered, or cannot be answered from here. */
  async request(messageId: number): Promise<ReceiptRequest | null> {
    return this.requestOf(this.reader.requireMessage(messageId));
  }

  /**
   * Sends the receipt (in `language`'s words) or turns the request down; gives the receipt's outbox entry when sent.
   * `automatic`: sent as the settings say for its case, unasked, which they must say.
   */
  async answer(messageId: number, send: boolean, language: ComposeLanguage, automatic = false): Promise<{ outboxId: number | null }> {
    const record = this.reader.requireMessage(messageId);
    const request = await this.requestOf(record);
    if (!request) throw new WrenError('BadRequest', `Message ${messageId} asks for no return receipt, or it was answered already.`, { messageId });
    if (automatic && request.policy !== (send ? 'always' : 'never')) {
      throw new WrenError('BadRequest', `The settings do not answer message ${messageId}'s receipt request by themselves.`, { messageId });
    }
    const outboxId = send ? (await this.send(record, request, language, automatic)) : null;
    await this.operations.apply({ kind: 'flags', messageIds: [record.id], add: [MDN_SENT], remove: [] });
    return { outboxId };
  }

  private async requestOf(record: MessageRecord): Promise<ReceiptRequest | null> {
    if (!this.answerable(record)) return null;
    const request = await loadReceiptRequest(this.store, record, this.reader.imapFor(record));
    if (!request) return null;
    // RFC 8098 2.1: never unasked to an address the message did not come from.
    const identities = identitiesOf(this.store, this.store.accounts.get(record.accountId!)!);
    const policy = request.elsewhere ? 'ask' : this.policyFor(receiptCase(record, identities.map((identity) => identity.email)));
    return { ...request, policy };
  }

  private async send(record: MessageRecord, request: ReceiptRequest, language: ComposeLanguage, automatic: boolean): Promise<number> {
    const account = this.store.accounts.get(record.accountId!)!;
    // As a reply would: from the address the message was sent to.
    const identity = identityForReply(identitiesOf(this.store, account), record)!;
    const from = { name: identity.name, address: identity.email, replyTo: null };
    const built = buildReceipt({
      from, to: request.to, original: { messageId: record.messageId, subject: record.subject }, messageId: newMessageId(from.address), date: new Date(), language, automatic,
    });
    const entry = await this.outbox.sendBuilt(account.id, built, receiptSubject(record.subject, language), { sendAt: null, undoSeconds: 0 });
    return entry.id;
  }

  private answerable(record: MessageRecord): boolean {
    if (record.accountId === null || record.flags.includes(MDN_SENT)) return false;
    if (!this.store.accounts.get(record.accountId)?.smtp) return false;
    const role = this.store.folders.get(record.folderId)?.role;
    return !role || !NOT_ASKED_IN.has(role);
  }
}
