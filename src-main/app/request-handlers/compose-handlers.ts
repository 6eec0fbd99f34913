import { WrenError } from '../../errors/wren-error';
import { identitiesOf } from '../../compose/identities';
import { addIdentity, removeIdentity, updateIdentity } from '../../compose/identity-editing';
import { stagePickedFiles } from '../../compose/stage-files';
import { stagedImagePreview } from '../../compose/inline-preview';
import type { Handlers } from '../../ipc/dispatch';
import type { composeRequests } from '../../ipc/requests/compose-requests';
import type { WrenCore } from '../wren-core';
import type { HandlerOptions } from '../handlers';
import { MessageRedirect } from '../../messages/message-redirect';
import { AddressBook } from '../../contacts/address-book';
import { ContactLists } from '../../contacts/contact-lists';
import { Templates } from '../../compose/templates';

/** Writing mail: the composer's start, identities, address suggestions, drafts, attachments and the outbox. */
export function composeHandlers(core: WrenCore, options: HandlerOptions): Pick<Handlers, keyof typeof composeRequests> {
  const redirects = new MessageRedirect(core.store, core.reader, core.outbox);
  const addressBook = new AddressBook(core.store);
  const contactLists = new ContactLists(core.store);
  const templates = new Templates(core.store, core.accounts, core.staging, core.operations);
  return {
    'compose.start': (request) => core.compose.start(request),
    'identities.list': ({ accountId }) => identitiesOf(core.store, core.accounts.require(accountId)),
    'identities.add': ({ accountId, identity }) => addIdentity(core.store, core.accounts.require(accountId).id, identity),
    'identities.update': ({ identityId, identity }) => updateIdentity(core.store, identityId, identity),
    'identities.remove': ({ identityId }) => removeIdentity(core.store, identityId),
    'addresses.suggest': ({ query, limit }) => core.store.addressBook.suggest(query, limit),
    'addresses.forget': ({ address }) => ({ forgotten: core.store.addressBook.forget(address) }),
    'addresses.list': ({ query, offset, limit }) => addressBook.list(query, offset, limit),
    'addresses.save': ({ address, name }) => addressBook.save(address, name),
    'addresses.importVcard': ({ base64 }) => addressBook.importVcards(Buffer.from(base64, 'base64')),
    'addresses.exportVcard': () => addressBook.exportVcards(),
    'addresses.lists': () => contactLists.all(),
    'addresses.saveList': (list) => contactLists.save(list),
    'addresses.removeList': ({ listId }) => contactLists.remove(listId),
    'drafts.save': (composed) => core.drafts.save(composed),
    'drafts.discard': (request) => core.drafts.discard(request),
    'templates.save': (composed) => templates.save(composed),
    'attachments.pick': async () => {
      if (!options.pickAttachmentFiles) throw new WrenError('BadRequest', 'Files are attached by upload here, not by a dialog.');
      return stagePickedFiles(core.staging, await options.pickAttachmentFiles());
    },
    'attachments.preview': ({ stagedId, contentType }) => stagedImagePreview(core.staging, stagedId, contentType),
    'outbox.send': async ({ message, sendAt, undoSeconds }) => core.outbox.send(await core.drafts.readyToSend(message), { sendAt, undoSeconds }),
    'outbox.sendRaw': ({ accountId, stagedId, sendAt, undoSeconds }) => core.outbox.sendRaw(accountId, stagedId, { sendAt, undoSeconds }),
    'outbox.redirect': ({ messageId, to, accountId }) => redirects.redirect(messageId, to, accountId),
    'outbox.list': ({ accountId }) => core.outbox.list(accountId),
    'outbox.cancel': ({ outboxId }) => core.outbox.cancel(outboxId),
    'outbox.retry': ({ outboxId }) => core.outbox.retry(outboxId),
    'outbox.sendNow': ({ outboxId }) => core.outbox.sendNow(outboxId),
    'outbox.resolve': ({ outboxId, action }) => core.outbox.resolve(outboxId, action),
    'outbox.wait': ({ outboxIds }) => core.outbox.wait(outboxIds),
    'outbox.flush': () => core.outbox.flush(),
    'outbox.setSentCopy': ({ accountId, sentCopy }) => {
      core.sentCopySetting.set(core.accounts.require(accountId).id, sentCopy === 'auto');
      return { updated: true as const };
    },
  };
}
