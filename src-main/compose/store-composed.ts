import { listPriority } from '../mime/message-priority';
import type { ComposedMessage } from '../ipc/compose-shapes';
import { threadRootOf } from '../mime/header-fields';
import type { StoredBlob } from '../store/blob-store';
import type { Store } from '../store/store';
import type { Identity } from './reply-recipients';

/**
 * A message the composer wrote, kept as a row of `folderId` (no UID: a server, if any, has it later) with
 * its source and its text, so it reopens whole, offline too: a draft's version, a template. Inside the
 * caller's transaction.
 */
export function storeComposed(store: Store, folderId: number, composed: ComposedMessage, from: Identity, message: { messageId: string; blob: StoredBlob; flags: string[] }): number {
  const now = Date.now();
  const [id] = store.messages.insertHeaders(folderId, [{
    uid: null, uidl: null, messageId: message.messageId, inReplyTo: composed.inReplyTo,
    threadRoot: threadRootOf(composed.references[0] ?? null, message.messageId), priority: listPriority(composed.priority), subject: composed.subject,
    from: { name: from.name, address: from.email }, to: composed.to, cc: composed.cc, date: now, internalDate: now,
    size: message.blob.size, flags: message.flags, hasAttachments: composed.attachments.some((a) => !a.contentId), structure: null, modseq: null,
  }]);
  store.bodies.saveSource(id!, message.blob);
  store.bodies.saveBody(id!, { text: composed.text, html: composed.html, warnings: [] });
  store.messages.setBodyState(id!, 'full');
  return id!;
}
