import type { AccountService } from '../accounts/account-service';
import type { ComposedMessage } from '../ipc/compose-shapes';
import { LOCAL_TEMPLATES } from '../ipc/contract-constants';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import { newMessageId } from '../outbox/message-id';
import type { Store } from '../store/store';
import { buildDraft } from './build-draft';
import { chosenIdentity, identitiesOf } from './identities';
import { storeComposed } from './store-composed';


/**
 * Thunderbird's File ▸ Save As ▸ Template: the message as written (recipients, Bcc included, subject, text,
 * files), kept in Local Folders ▸ Templates, where "New Message from Template" starts a fresh message from
 * it and it stays as it was. Local, not on a server: every account can start from it, offline too, but it
 * is on this computer only.
 */
export class Templates {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly staging: AttachmentStaging,
  ) {}

  async save(composed: ComposedMessage): Promise<{ templateId: number; folderId: number }> {
    const account = this.accounts.require(composed.accountId);
    const identity = chosenIdentity(identitiesOf(this.store, account), composed.identityId);
    const messageId = newMessageId(identity.email);
    // Neither a draft's continuation nor an answer: a template starts messages, it answers none.
    const template = { ...composed, inReplyTo: null, references: [], origin: null, draftMessageId: null, draftKey: null };
    const blob = await this.store.blobs.writeBuffer(await buildDraft(template, identity, messageId, this.staging));
    return this.store.write(() => {
      const folder = this.store.localFolders.ensurePath(LOCAL_TEMPLATES);
      return { templateId: storeComposed(this.store, folder.id, template, identity, { messageId, blob, flags: ['\\Seen'] }), folderId: folder.id };
    });
  }
}
