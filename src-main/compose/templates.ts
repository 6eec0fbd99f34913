import type { AccountService } from '../accounts/account-service';
import type { ComposedMessage } from '../ipc/compose-shapes';
import { LOCAL_TEMPLATES } from '../ipc/contract-constants';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import { newMessageId } from '../outbox/message-id';
import type { OperationsService } from '../journal/operations-service';
import type { Store } from '../store/store';
import { buildDraft } from './build-draft';
import { chosenIdentity, identitiesOf } from './identities';
import { storeComposed } from './store-composed';

/** Whether a folder is Local Folders ▸ Templates. */
export function isTemplate(store: Store, folderId: number): boolean {
  const folder = store.folders.get(folderId);
  return folder !== undefined && folder.accountId === null && folder.path === LOCAL_TEMPLATES;
}

/**
 * Thunderbird's File ▸ Save As ▸ Template: the message as written (recipients, Bcc included, subject, text,
 * files), kept in Local Folders ▸ Templates, where "New Message from Template" starts a fresh message from
 * it and it stays as it was. Local, not on a server: every account can start from it, offline too, but it
 * is on this computer only. A composer opened with Edit Template (origin "template") replaces the template it
 * edits: the new version is stored first, then the old one removed, so a failure in between leaves both.
 */
export class Templates {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly staging: AttachmentStaging,
    private readonly operations: OperationsService,
  ) {}

  async save(composed: ComposedMessage): Promise<{ templateId: number; folderId: number; replaced: boolean }> {
    const account = this.accounts.require(composed.accountId);
    const identity = chosenIdentity(identitiesOf(this.store, account), composed.identityId);
    const messageId = newMessageId(identity.email);
    // Neither a draft's continuation nor an answer: a template starts messages, it answers none.
    const template = { ...composed, inReplyTo: null, references: [], origin: null, draftMessageId: null, draftKey: null };
    const blob = await this.store.blobs.writeBuffer(await buildDraft(template, identity, messageId, this.staging));
    const saved = this.store.write(() => {
      const folder = this.store.localFolders.ensurePath(LOCAL_TEMPLATES);
      return { templateId: storeComposed(this.store, folder.id, template, identity, { messageId, blob, flags: ['\\Seen'] }), folderId: folder.id };
    });
    const edited = composed.origin?.kind === 'template' ? this.store.messages.get(composed.origin.messageId) : undefined;
    const replaced = edited !== undefined && isTemplate(this.store, edited.folderId);
    if (replaced) await this.operations.apply({ kind: 'delete', messageIds: [edited.id], permanent: true });
    return { ...saved, replaced };
  }
}
