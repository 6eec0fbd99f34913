import type { MailingList } from '../ipc/contract';
import { WrenError } from '../errors/wren-error';
import type { Store } from '../store/store';
import { loadMailingList } from './mailing-list';
import type { MessageReader } from './message-reader';
import { OneClickChecks } from './one-click-checks';
import { postOneClickUnsubscribe } from './one-click-unsubscribe';

/**
 * The one-click check reads the whole source (DKIM signs the body): a list's message is rarely larger, and
 * opening one that is should not download it whole for this; it then offers the list's page instead.
 */
const MAX_VERIFIED_SIZE = 5 * 1024 * 1024;

/** The reading pane's Reply to List and Unsubscribe: a message's mailing list, and leaving it with one click. */
export class MailingLists {
  private readonly checks: OneClickChecks;

  /** `dnsServer`: where the senders' DKIM keys are asked ("HOST:PORT", a test's); the system's resolver when null. */
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
    dnsServer: string | null,
  ) {
    this.checks = new OneClickChecks(dnsServer);
  }

  /** The message's list; one click offered only where the sender's DKIM signature covers it (OneClickChecks). */
  async of(messageId: number): Promise<MailingList | null> {
    const record = this.reader.requireMessage(messageId);
    const list = await loadMailingList(this.store, record, this.reader.imapFor(record));
    if (!list?.unsubscribe?.oneClick) return list;
    const verified = record.size <= MAX_VERIFIED_SIZE && (await this.checks.verified(record.id, async () => (await this.reader.source(record.id)).stream));
    return verified ? list : { ...list, unsubscribe: { ...list.unsubscribe, oneClick: false } };
  }

  /** Posts the one click (RFC 8058) to the address the message itself names; gives the list server's host. */
  async unsubscribe(messageId: number): Promise<{ host: string }> {
    const list = await this.of(messageId);
    const web = list?.unsubscribe?.oneClick ? list.unsubscribe.web : null;
    if (!web) throw new WrenError('BadRequest', `Message ${messageId} offers no one-click unsubscription (RFC 8058) with a valid DKIM signature.`);
    await postOneClickUnsubscribe(web);
    return { host: new URL(web).host };
  }
}
