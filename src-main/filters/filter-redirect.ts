import { identitiesOf } from '../compose/identities';
import { messageHeaderFields } from '../messages/message-header-fields';
import type { MessageReader } from '../messages/message-reader';
import { MessageRedirect } from '../messages/message-redirect';
import { parseAddressList } from '../mime/addresses';
import { splitHeaderBlock } from '../mime/raw-headers';
import type { OutboxService } from '../outbox/outbox-service';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';

/**
 * A filter's Redirect: the message sent on as it is (MessageRedirect, through the outbox) from its account.
 * A message this account sent on already (a Resent-From naming one of its identities) is not sent on again:
 * a filter redirecting to an address that comes back to the same Inbox would otherwise send it round for
 * ever. The outbox is reached late: the filters are made before it.
 */
export class FilterRedirect {
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
    private readonly outbox: () => OutboxService,
  ) {}

  async redirect(messageId: number, to: string): Promise<'sent' | 'skipped'> {
    const record = this.reader.requireMessage(messageId);
    if (await this.sentOnByUs(record)) return 'skipped';
    await new MessageRedirect(this.store, this.reader, this.outbox()).redirect(record.id, [{ name: '', address: to }]);
    return 'sent';
  }

  private async sentOnByUs(record: MessageRecord): Promise<boolean> {
    const account = record.accountId === null ? undefined : this.store.accounts.get(record.accountId);
    if (!account) return false;
    const ours = new Set(identitiesOf(this.store, account).map((identity) => identity.email.toLowerCase()));
    const block = await messageHeaderFields(this.store, record, this.reader.imapFor(record));
    const resentBy = splitHeaderBlock(block ?? Buffer.alloc(0))
      .filter((header) => header.name === 'resent-from')
      .flatMap((header) => parseAddressList(header.value).addresses.map((address) => address.address.toLowerCase()));
    return resentBy.some((address) => ours.has(address));
  }
}
