import { homedir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { MessageSummary, SyncRunResult } from '../ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import { toErrorShape } from '../errors/wren-error';
import { attachmentPart, loadAttachment, writeAttachment } from '../messages/attachment-export';
import { safeFileName } from '../mime/safe-file-name';
import type { WrenCore } from './wren-core';
import { APP_VERSION } from './version';

/** Raw sources larger than this are cut in the "view source" pane (the full file can still be saved). */
const SOURCE_VIEW_LIMIT = 4 * 1024 * 1024;

export interface HandlerOptions {
  /** Where to save an attachment; Electron asks with a dialog. Default: a free name in the Downloads folder. */
  chooseAttachmentPath?: (suggestedName: string) => Promise<string | null>;
}

/** The contract's requests, implemented over the core. */
export function createHandlers(core: WrenCore, options: HandlerOptions = {}): Handlers {
  return {
    'app.info': () => ({ version: APP_VERSION, mode: core.options.mode, dataDir: core.dataDir }),
    'accounts.list': () => core.accounts.list(),
    'accounts.testConnection': (draft) => core.accounts.testConnection(draft),
    'accounts.add': async (draft) => {
      const account = await core.accounts.add(draft);
      if (core.options.mode !== 'cli') core.sync.start([account.id], false);
      return account;
    },
    'accounts.remove': ({ accountId }) => {
      core.sessions.closeAccount(accountId);
      core.sync.dropConnection(accountId);
      core.sync.unwatch(accountId);
      core.accounts.remove(accountId);
      core.status.forget(accountId);
      return { removed: true };
    },
    'folders.list': ({ accountId, includeUnsubscribed }) => core.folders.list(core.accounts.require(accountId).id, includeUnsubscribed),
    'messages.list': ({ folderId, offset, limit }) => core.store.messages.page(folderId, offset, limit),
    'messages.read': ({ messageId, markSeen }) => core.reader.read(messageId, { markSeen }),
    'messages.summary': ({ messageId }) => summaryOf(core.reader.requireMessage(messageId)),
    'messages.source': async ({ messageId }) => {
      const { stream, size } = await core.reader.source(messageId);
      const source = await text(stream);
      return { source: source.length > SOURCE_VIEW_LIMIT ? source.slice(0, SOURCE_VIEW_LIMIT) : source, size };
    },
    'messages.setFlags': ({ messageId, seen, flagged }) => {
      core.operations.setFlags(core.reader.requireMessage(messageId).id, { seen, flagged });
      return { updated: true };
    },
    'attachments.save': async ({ messageId, partId }) => {
      const record = core.reader.requireMessage(messageId);
      const part = attachmentPart(record, partId);
      const path = options.chooseAttachmentPath ? await options.chooseAttachmentPath(safeFileName(part.filename, part.type)) : undefined;
      if (path === null) return { savedTo: null };
      const file = await loadAttachment(core.store, record, part, core.reader.imapFor(record));
      return { savedTo: await writeAttachment(core.store, file, path ? { path } : { directory: defaultDownloads() }) };
    },
    'messages.apply': (operation) => core.operations.apply(operation),
    'operations.undo': ({ operationId }) => core.operations.undo(operationId),
    'folders.markRead': ({ folderId }) => core.operations.markFolderRead(folderId),
    'folders.empty': ({ folderId }) => core.operations.emptyFolder(folderId),
    'folders.create': ({ accountId, parentId, name }) => core.folders.create(core.accounts.require(accountId).id, parentId, name),
    'folders.rename': ({ folderId, name }) => core.folders.rename(folderId, name),
    'folders.delete': ({ folderId }) => core.folders.delete(folderId),
    'folders.subscribe': ({ folderId, subscribed }) => core.folders.subscribe(folderId, subscribed),
    'sync.start': ({ accountId, bodies }) => {
      const ids = accountId ? [core.accounts.require(accountId).id] : core.store.accounts.list().map((a) => a.id);
      return { started: core.sync.start(ids, bodies) };
    },
    'sync.watch': ({ accountId }) => core.sync.watch(core.accounts.require(accountId).id),
    'sync.run': async ({ accountId, bodies, replayOnly }) => {
      const ids = accountId ? [core.accounts.require(accountId).id] : core.store.accounts.list().map((a) => a.id);
      const outcome: SyncRunResult = { summaries: [], failures: [] };
      for (const id of ids) {
        try {
          outcome.summaries.push(await (replayOnly ? core.sync.replay(id) : core.sync.run(id, bodies)));
        } catch (error) {
          outcome.failures.push({ accountId: id, error: toErrorShape(error) });
        }
      }
      return outcome;
    },
  };
}

function summaryOf(record: MessageSummary): MessageSummary {
  const { id, folderId, uid, subject, from, date, size, seen, flagged, answered, hasAttachments } = record;
  return { id, folderId, uid, subject, from, date, size, seen, flagged, answered, hasAttachments };
}

function defaultDownloads(): string {
  return process.env.XDG_DOWNLOAD_DIR || join(homedir(), 'Downloads');
}
