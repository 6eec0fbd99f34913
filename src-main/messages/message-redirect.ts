import { identitiesOf } from '../compose/identities';
import { identityForReply } from '../compose/reply-recipients';
import { WrenError } from '../errors/wren-error';
import type { ComposeAddress, OutboxEntryView } from '../ipc/compose-shapes';
import { newMessageId } from '../outbox/message-id';
import type { OutboxService } from '../outbox/outbox-service';
import { redirectedMessage } from '../outbox/redirect-message';
import type { Store } from '../store/store';
import type { MessageReader } from './message-reader';

/** Thunderbird's Redirect: a message sent on as it is, to new recipients, through the outbox. */
export class MessageRedirect {
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Sends the message's whole source on from `accountId` (by default its own account; a message of
   * the Local Folders names one), from the identity it was sent to, at once. The source is downloaded
   * first when it is not here (Offline when it cannot be).
   */
  async redirect(messageId: number, to: ComposeAddress[], accountId?: number): Promise<OutboxEntryView> {
    const record = this.reader.requireMessage(messageId);
    const sendingAccountId = accountId ?? record.accountId;
    if (sendingAccountId === null) {
      throw new WrenError('BadRequest', `Message ${messageId} is in the Local Folders: name the account to send it on from.`, { messageId });
    }
    const account = this.store.accounts.get(sendingAccountId);
    if (!account) throw new WrenError('NotFound', `No account ${sendingAccountId}.`, { accountId: sendingAccountId });
    const identity = identityForReply(identitiesOf(this.store, account), record)!;
    const from = { name: identity.name, address: identity.email, replyTo: null };
    const { stream, size } = await this.reader.source(record.id);
    const built = redirectedMessage({ source: stream, size, from, to, messageId: newMessageId(from.address), date: new Date() });
    try {
      return await this.outbox.sendBuilt(account.id, built, record.subject, { sendAt: null, undoSeconds: 0 });
    } catch (error) {
      // Refused before the outbox read it (no SMTP server): the stored source is let go.
      stream.destroy();
      throw error;
    }
  }
}
