import type { AccountService } from '../accounts/account-service';
import type { ComposedMessage } from '../ipc/compose-shapes';
import { isTemplatesFolder, LOCAL_TEMPLATES } from '../ipc/contract-constants';
import type { FolderRecord } from '../store/folders-repo';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import { newMessageId } from '../outbox/message-id';
import type { OperationsService } from '../journal/operations-service';
import type { Store } from '../store/store';
import { buildDraft } from './build-draft';
import { chosenIdentity, identitiesOf } from './identities';
import { storeComposed } from './store-composed';

/** Whether a folder holds templates (see isTemplatesFolder): Local Folders ▸ Templates, or an account's own Templates. */
export function isTemplate(store: Store, folderId: number): boolean {
  const folder = store.folders.get(folderId);
  return folder !== undefined && isTemplatesFolder(folder);
}

/**
 * Thunderbird's File ▸ Save As ▸ Template: the message as written (recipients, Bcc included, subject, text,
 * files), kept where "New Message from Template" starts a fresh message from it and it stays as it was. That is
 * the account's own Templates folder on its server when it has one (Thunderbird's default, so its templates and
 * these are one set on every computer), else Local Folders ▸ Templates (a POP3 account, a server without the
 * folder): on this computer only, where every account can start from it. A composer opened with Edit Template
 * (origin "template") replaces the template it edits, in that template's folder: the new version is stored
 * first, then the old one removed, so a failure in between leaves both.
 */
export class Templates {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly staging: AttachmentStaging,
    private readonly operations: OperationsService,
  ) {}

  async save(composed: ComposedMessage): Promise<{ templateId: number; folderId: number; replaced: boolean; inAccount: boolean }> {
    const account = this.accounts.require(composed.accountId);
    const identity = chosenIdentity(identitiesOf(this.store, account), composed.identityId);
    const messageId = newMessageId(identity.email);
    // Neither a draft's continuation nor an answer: a template starts messages, it answers none.
    const template = { ...composed, inReplyTo: null, references: [], origin: null, draftMessageId: null, draftKey: null };
    const blob = await this.store.blobs.writeBuffer(await buildDraft(template, identity, messageId, this.staging));
    const edited = composed.origin?.kind === 'template' ? this.store.messages.get(composed.origin.messageId) : undefined;
    const replaced = edited !== undefined && isTemplate(this.store, edited.folderId);
    const target = replaced ? this.store.folders.get(edited.folderId)! : this.accountTemplates(account.id);
    // Written locally first, then moved (a journaled APPEND, so offline too): a moved row keeps its id.
    const templateId = this.store.write(() => {
      const folder = this.store.localFolders.ensurePath(LOCAL_TEMPLATES);
      return storeComposed(this.store, folder.id, template, identity, { messageId, blob, flags: ['\\Seen'] });
    });
    if (target && target.accountId !== null) await this.operations.apply({ kind: 'move', messageIds: [templateId], folderId: target.id });
    if (replaced) await this.operations.apply({ kind: 'delete', messageIds: [edited.id], permanent: true });
    const folderId = this.store.messages.get(templateId)!.folderId;
    return { templateId, folderId, replaced, inAccount: this.store.folders.get(folderId)?.accountId !== null };
  }

  /** The account's own Templates folder that holds mail, if it has one. */
  private accountTemplates(accountId: number): FolderRecord | undefined {
    return this.store.folders.list(accountId).find((folder) => folder.selectable && isTemplatesFolder(folder));
  }
}
