import { readPlainText } from '../../messages/read-plain-text';
import { readPriority } from '../../messages/read-priority';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { SUMMARY_RECIPIENTS, isFiltered, isForwarded, isMarkedJunk, tagsOf, type MessageSummary } from '../../ipc/contract';
import type { MessageRecord } from '../../store/messages-repo';
import { attachmentPart, loadAttachment, writeAttachment } from '../../messages/attachment-export';
import { assertOpenable } from '../../messages/attachment-risk';
import { MailingLists } from '../../messages/mailing-lists';
import { ReturnReceipts } from '../../messages/return-receipts';
import { Invitations } from '../../calendar/invitations';
import { SavedSearches } from '../../search/saved-searches';
import { chooseDisplayParts } from '../../mime/choose-display-parts';
import { hasFilterText } from '../../store/list-order';
import { messageFileName, safeFileName } from '../../mime/safe-file-name';
import { WrenError } from '../../errors/wren-error';
import type { Handlers } from '../../ipc/dispatch';
import type { messageRequests } from '../../ipc/requests/message-requests';
import type { WrenCore } from '../wren-core';
import { markThreadRead } from '../../messages/mark-thread-read';
import type { HandlerOptions } from '../handlers';

/** Raw sources larger than this are cut in the "view source" pane (the full file can still be saved). */
const SOURCE_VIEW_LIMIT = 4 * 1024 * 1024;

/** Messages: lists, unified views, search, reading, source, flags, operations and their undo, saving and opening attachments. */
export function messageHandlers(core: WrenCore, options: HandlerOptions): Pick<Handlers, keyof typeof messageRequests> {
  // WREN_TEST_DNS: the tests' DNS server for the senders' DKIM keys, as for set-up's lookups (discovery-options.ts).
  const mailingLists = new MailingLists(core.store, core.reader, process.env.WREN_TEST_DNS ?? null);
  const receipts = new ReturnReceipts(core.store, core.reader, core.outbox, core.operations, (receiptCase) => core.settings.settings.app.receiptCases[receiptCase]);
  const invitations = new Invitations(core.store, core.reader, core.outbox, core.operations);
  const savedSearches = new SavedSearches(core.store);
  return {
    // Threads, and words to look for, read the whole folder: in the search worker, off the main thread.
    'messages.list': ({ folderId, offset, limit, sort, filter, threads }) =>
      threads
        ? core.search.threadedPage({ folderId, offset, limit, sort, filter, folding: threads })
        : hasFilterText(filter)
          ? core.search.listPage({ folderId, offset, limit, sort, filter })
          : core.store.messages.page(folderId, offset, limit, sort, filter),
    'views.list': () => core.store.views.counts(),
    // Under the quick filter a view is read whole: in the search worker too.
    'messages.listView': ({ view, offset, limit, sort, keep = [], filter = {} }) =>
      isFiltered(filter) ? core.search.viewPage({ view, offset, limit, sort, keep, filter }) : core.store.views.page(view, offset, limit, sort, keep),
    'messages.search': ({ query, accountId, folderId, offset, limit, sort }) => core.search.search({ query, accountId, folderId, offset, limit, sort }),
    'messages.searchServer': ({ query, accountId, folderId }) => core.serverSearch.run(query, { accountId, folderId }),
    'searches.list': () => savedSearches.list(),
    'searches.unread': () => savedSearches.unreadCounts((query) => core.search.countUnread(query)),
    'searches.save': (search) => savedSearches.save(search),
    'searches.remove': ({ searchId }) => savedSearches.remove(searchId),
    'messages.read': async ({ messageId, markSeen, charset }) => {
      const view = charset ? await core.reader.readAs(messageId, charset) : await core.reader.read(messageId, { markSeen });
      // A message marked junk or not junk before its body was here was learnt from its headers: now from all of it.
      core.junk.relearn(messageId);
      return core.ignoredThreads.isIgnored(view.id) ? { ...view, threadIgnored: true as const } : view;
    },
    'messages.summary': ({ messageId }) => summaryOf(core.reader.requireMessage(messageId)),
    'messages.neighbour': ({ threads, hideIgnored, ...query }) =>
      threads
        ? core.search.threadNeighbour({ ...query, filter: { hideIgnored } })
        : { messageId: core.store.messages.neighbour({ ...query, filter: { hideIgnored } }) },
    'messages.source': async ({ messageId }) => {
      const { stream, size } = await core.reader.source(messageId);
      const source = await text(stream);
      return { source: source.length > SOURCE_VIEW_LIMIT ? source.slice(0, SOURCE_VIEW_LIMIT) : source, size };
    },
    'messages.ignoreThread': ({ messageId, ignore }) => {
      const ignored = ignore === 'toggle' ? !core.ignoredThreads.isIgnored(messageId) : ignore;
      return ignored ? core.ignoredThreads.ignore(messageId) : core.ignoredThreads.unignore(messageId);
    },
    'messages.markThreadRead': ({ messageId }) =>
      markThreadRead(core.store.conversations.of(core.reader.requireMessage(messageId).id), (operation) => core.operations.apply(operation)),
    'messages.priority': async ({ messageId }) => ({ priority: await readPriority(core.store, core.reader, messageId) }),
    'messages.plainText': async ({ messageId }) => ({ text: await readPlainText(core.reader, messageId) }),
    'messages.saveSource': async ({ messageId, path }) => {
      const record = core.reader.requireMessage(messageId);
      const filename = messageFileName(record.subject);
      const chosen = path ?? (options.chooseMessagePath ? await options.chooseMessagePath(filename) : undefined);
      if (chosen === null) return { savedTo: null };
      const file = { filename, contentType: 'message/rfc822', blob: await core.reader.cachedSource(record.id) };
      return { savedTo: await writeAttachment(core.store, file, chosen ? { path: chosen } : { directory: defaultDownloads() }) };
    },
    'messages.conversation': ({ messageId }) => ({ messages: core.store.conversations.of(core.reader.requireMessage(messageId).id) }),
    'messages.mailingList': ({ messageId }) => mailingLists.of(messageId),
    'messages.unsubscribe': ({ messageId }) => mailingLists.unsubscribe(messageId),
    'messages.invitation': ({ messageId }) => invitations.of(messageId),
    'messages.answerInvitation': ({ messageId, answer, language }) => invitations.answer(messageId, answer, language),
    'messages.receiptRequest': ({ messageId }) => receipts.request(messageId),
    'messages.answerReceipt': ({ messageId, send, language, automatic }) => receipts.answer(messageId, send, language, automatic),
    'messages.setFlags': ({ messageId, seen, flagged }) => {
      core.operations.setFlags(core.reader.requireMessage(messageId).id, { seen, flagged });
      return { updated: true };
    },
    'messages.apply': async (operation) => {
      // The user's Junk and Not Junk train the junk filter, from the messages as they are before the mark moves them.
      const learned = operation.kind === 'junk' ? core.junk.learn(operation.messageIds, operation.junk) : null;
      const receipt = await core.operations.apply(operation);
      if (learned) core.junk.rememberForUndo(receipt.operationId, learned);
      return receipt;
    },
    'operations.undo': ({ operationId }) => {
      const undone = core.operations.undo(operationId);
      core.junk.undo(operationId);
      return undone;
    },
    'attachments.save': async ({ messageId, partId }) => {
      const record = core.reader.requireMessage(messageId);
      const part = attachmentPart(record, partId);
      const path = options.chooseAttachmentPath ? await options.chooseAttachmentPath(safeFileName(part.filename, part.type)) : undefined;
      if (path === null) return { savedTo: null };
      const file = await loadAttachment(core.store, record, part, core.reader.imapFor(record));
      return { savedTo: await writeAttachment(core.store, file, path ? { path } : { directory: defaultDownloads() }) };
    },
    'attachments.saveAll': async ({ messageId }) => {
      const record = core.reader.requireMessage(messageId);
      const parts = record.structure ? chooseDisplayParts(record.structure).attachments : [];
      const directory = options.chooseAttachmentsFolder ? await options.chooseAttachmentsFolder() : defaultDownloads();
      if (directory === null) return { savedTo: null, files: [] };
      const files: string[] = [];
      // One at a time: each may be a download from the server, and they go to one disk anyway.
      for (const part of parts) {
        const file = await loadAttachment(core.store, record, part, core.reader.imapFor(record));
        files.push(await writeAttachment(core.store, file, { directory }));
      }
      return { savedTo: directory, files };
    },
    'attachments.open': async ({ messageId, partId }) => {
      const opener = options.openWithSystem;
      if (!opener) throw new WrenError('BadRequest', 'Only the desktop app opens attachments with other applications; the web mode opens them in the browser.');
      const record = core.reader.requireMessage(messageId);
      const part = attachmentPart(record, partId);
      assertOpenable(safeFileName(part.filename, part.type), part.type);
      const copy = await opener.copies.place(core.store, await loadAttachment(core.store, record, part, core.reader.imapFor(record)));
      const failure = await opener.openPath(copy);
      if (failure) throw new WrenError('NoAppToOpen', `The system could not open ${copy}: ${failure}`, { reason: failure });
      return { openedAt: copy };
    },
  };
}

function summaryOf(record: MessageRecord): MessageSummary {
  const { id, folderId, uid, subject, from, to, date, size, seen, flagged, answered, hasAttachments } = record;
  return {
    id, folderId, uid, subject, from, to: to.slice(0, SUMMARY_RECIPIENTS), date, size, seen, flagged, answered, hasAttachments, tags: tagsOf(record.flags),
    ...(isForwarded(record.flags) && { forwarded: true as const }), ...(isMarkedJunk(record.flags) && { junk: true as const }),
  };
}

function defaultDownloads(): string {
  return process.env.XDG_DOWNLOAD_DIR || join(homedir(), 'Downloads');
}
