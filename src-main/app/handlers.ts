import { homedir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { SUMMARY_RECIPIENTS, type MessageSummary, type SyncRunResult } from '../ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import { WrenError, toErrorShape } from '../errors/wren-error';
import { exportFolder } from '../mailfiles/export-folder';
import { attachmentPart, loadAttachment, writeAttachment } from '../messages/attachment-export';
import { safeFileName } from '../mime/safe-file-name';
import { discoverAccount } from '../accounts/discovery/discover-account';
import { defaultDiscoveryOptions } from '../accounts/discovery/discovery-options';
import { identitiesOf } from '../compose/identities';
import { addIdentity, removeIdentity, updateIdentity } from '../compose/identity-editing';
import { stagePickedFiles } from '../compose/stage-files';
import type { WrenCore } from './wren-core';
import { APP_VERSION } from './version';
import { importIntoFolder } from './import-into-folder';

/** Raw sources larger than this are cut in the "view source" pane (the full file can still be saved). */
const SOURCE_VIEW_LIMIT = 4 * 1024 * 1024;

export interface HandlerOptions {
  /** Where to save an attachment; Electron asks with a dialog. Default: a free name in the Downloads folder. */
  chooseAttachmentPath?: (suggestedName: string) => Promise<string | null>;
  /** Where to export a folder (Electron: a save dialog); null when the user cancels. */
  chooseExportPath?: (suggestedName: string, format: 'mbox' | 'eml') => Promise<string | null>;
  /** Which mail files to import (Electron: an open dialog); null when the user cancels. */
  chooseImportFiles?: () => Promise<string[] | null>;
  /** Files to attach, chosen in Electron's open dialog; absent elsewhere (the web mode uploads). */
  pickAttachmentFiles?: () => Promise<string[]>;
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
    'accounts.remove': async ({ accountId }) => {
      const id = core.accounts.require(accountId).id;
      core.sessions.closeAccount(id);
      // A sync of the account still running would write rows for it after they are gone: it ends first.
      await core.sync.release(id);
      core.accounts.remove(id);
      core.status.forget(id);
      core.settings.forgetAccount(id);
      return { removed: true };
    },
    'accounts.update': async (patch) => {
      const { view, reconnect } = await core.accounts.update(patch);
      if (reconnect) {
        // Connections opened with the old settings go; the next sync (started here in the app) uses the new ones.
        core.sessions.closeAccount(view.id);
        await core.sync.release(view.id);
        if (core.options.mode !== 'cli') core.sync.start([view.id], false);
      }
      return view;
    },
    'accounts.discover': ({ email }) => discoverAccount(email, defaultDiscoveryOptions(core.options.discovery)),
    'accounts.reorder': ({ accountIds }) => core.accounts.reorder(accountIds),
    'accounts.oauthStart': ({ email, provider, accountId }) => {
      if (accountId === undefined) return core.oauth2Flows.start(email, provider);
      const again = core.accounts.signInAgainWith(accountId);
      return core.oauth2Flows.start(again.email, again.provider);
    },
    'accounts.oauthFinish': ({ flowId }) => core.oauth2Flows.finish(flowId),
    'accounts.oauthCancel': ({ flowId }) => {
      core.oauth2Flows.cancel(flowId);
      return { cancelled: true };
    },
    'folders.list': ({ accountId, includeUnsubscribed }) =>
      accountId === null ? core.localFolders.list() : core.folders.list(core.accounts.require(accountId).id, includeUnsubscribed),
    'messages.list': ({ folderId, offset, limit }) => core.store.messages.page(folderId, offset, limit),
    'views.list': () => core.store.views.counts(),
    'messages.listView': ({ view, offset, limit }) => core.store.views.page(view, offset, limit),
    'messages.search': ({ query, accountId, folderId, offset, limit }) => core.search.search({ query, accountId, folderId, offset, limit }),
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
    'folders.create': ({ accountId, parentId, name }) =>
      accountId === null ? core.localFolders.create(parentId, name) : core.folders.create(core.accounts.require(accountId).id, parentId, name),
    'folders.rename': ({ folderId, name }) => (core.localFolders.owns(folderId) ? core.localFolders.rename(folderId, name) : core.folders.rename(folderId, name)),
    'folders.deletePlan': ({ folderId }) => core.folders.deletePlan(folderId),
    'folders.delete': ({ folderId, subfolders }) =>
      core.localFolders.owns(folderId) ? core.localFolders.delete(folderId) : core.folders.delete(folderId, subfolders),
    'folders.import': async ({ folderId, files }) => {
      if (files) return importIntoFolder(core, folderId, files);
      if (!options.chooseImportFiles) throw new WrenError('BadRequest', 'Name the files to import.', { folderId });
      // A dialog the user cancelled imports nothing; that is not an error to show.
      const chosen = await options.chooseImportFiles();
      return chosen ? importIntoFolder(core, folderId, chosen) : { imported: 0, files: 0 };
    },
    'folders.export': async ({ folderId, format, path }) => {
      const folder = core.store.folders.get(folderId);
      if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
      const target = path ?? (options.chooseExportPath ? await options.chooseExportPath(exportName(folder.name, format), format) : null);
      if (target === null) return { savedTo: null, exported: 0 };
      const exported = await exportFolder(core.store, folder.id, format, target, (id) => core.reader.cachedSource(id));
      return { savedTo: target, exported };
    },
    'folders.subscribe': ({ folderId, subscribed }) => core.folders.subscribe(folderId, subscribed),
    'sync.start': ({ accountId, bodies }) => {
      const ids = accountId ? [core.accounts.require(accountId).id] : core.store.accounts.list().map((a) => a.id);
      return { started: core.sync.start(ids, bodies) };
    },
    'sync.watch': ({ accountId }) => core.sync.watch(core.accounts.require(accountId).id),
    'settings.get': () => core.settings.get(),
    'settings.update': (patch) => core.settings.update(patch),
    'compose.start': (request) => core.compose.start(request),
    'identities.list': ({ accountId }) => identitiesOf(core.store, core.accounts.require(accountId)),
    'identities.add': ({ accountId, identity }) => addIdentity(core.store, core.accounts.require(accountId).id, identity),
    'identities.update': ({ identityId, identity }) => updateIdentity(core.store, identityId, identity),
    'identities.remove': ({ identityId }) => removeIdentity(core.store, identityId),
    'addresses.suggest': ({ query, limit }) => core.store.addressBook.suggest(query, limit),
    'drafts.save': (composed) => core.drafts.save(composed),
    'drafts.discard': ({ draftMessageId }) => core.drafts.discard(draftMessageId),
    'attachments.pick': async () => {
      if (!options.pickAttachmentFiles) throw new WrenError('BadRequest', 'Files are attached by upload here, not by a dialog.');
      return stagePickedFiles(core.staging, await options.pickAttachmentFiles());
    },
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
    'outbox.send': ({ message, sendAt, undoSeconds }) => core.outbox.send(message, { sendAt, undoSeconds }),
    'outbox.sendRaw': ({ accountId, stagedId, sendAt, undoSeconds }) => core.outbox.sendRaw(accountId, stagedId, { sendAt, undoSeconds }),
    'outbox.list': ({ accountId }) => core.outbox.list(accountId),
    'outbox.cancel': ({ outboxId }) => core.outbox.cancel(outboxId),
    'outbox.retry': ({ outboxId }) => core.outbox.retry(outboxId),
    'outbox.resolve': ({ outboxId, action }) => core.outbox.resolve(outboxId, action),
    'outbox.wait': ({ outboxIds }) => core.outbox.wait(outboxIds),
    'outbox.flush': () => core.outbox.flush(),
    'outbox.setSentCopy': ({ accountId, sentCopy }) => {
      core.sentCopySetting.set(core.accounts.require(accountId).id, sentCopy === 'auto');
      return { updated: true as const };
    },
  };
}

function summaryOf(record: MessageSummary): MessageSummary {
  const { id, folderId, uid, subject, from, to, date, size, seen, flagged, answered, hasAttachments } = record;
  return { id, folderId, uid, subject, from, to: to.slice(0, SUMMARY_RECIPIENTS), date, size, seen, flagged, answered, hasAttachments };
}

function exportName(folderName: string, format: 'mbox' | 'eml'): string {
  const base = safeFileName(folderName) || 'mail';
  return format === 'mbox' ? `${base}.mbox` : base;
}

function defaultDownloads(): string {
  return process.env.XDG_DOWNLOAD_DIR || join(homedir(), 'Downloads');
}
