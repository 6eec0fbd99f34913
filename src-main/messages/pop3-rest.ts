import { WrenError } from '../errors/wren-error';
import type { ImapLogin } from '../imap/imap-connection';
import type { HeldUidl } from '../store/pop3-uidls-repo';
import type { Store } from '../store/store';
import { listMaildrop } from '../sync/pop3/maildrop-listing';
import { openPop3Session } from '../sync/pop3/pop3-checks';
import { bodyFromSource } from './message-source';

/**
 * "Download the rest" of a POP3 message stored with TOP only (over the
 * account's size limit): RETR of the whole message in its own session,
 * streamed to disk, then the source and the body replace the partial ones
 * and the UIDL counts as whole (so a delete policy may now apply to it).
 */
export async function downloadRest(store: Store, login: ImapLogin, messageId: number, held: HeldUidl & { accountId: number }): Promise<void> {
  const client = await openPop3Session(login);
  try {
    // Named as the checks name it: by UIDL, or by its headers on a server without UIDL (see maildrop-listing.ts).
    const headerIdentities = store.accounts.get(held.accountId)?.pop3.leave === 'delete';
    const entry = (await listMaildrop(client, { headerIdentities })).entries.find((candidate) => candidate.uidl === held.uidl);
    if (!entry) {
      throw new WrenError('NotFound', 'The rest of this message is no longer on the server: only its beginning was downloaded.', { messageId, uidl: held.uidl });
    }
    const stored = await store.blobs.writeStream(client.retr(entry.number));
    await client.quit();
    const body = await bodyFromSource(store, stored);
    store.write(() => {
      store.bodies.saveSource(messageId, stored);
      store.bodies.saveBody(messageId, body);
      store.pop3Uidls.setComplete(held.accountId, held.uidl);
    });
  } finally {
    client.close();
  }
}
