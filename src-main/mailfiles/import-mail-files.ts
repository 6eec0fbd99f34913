import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { WrenError } from '../errors/wren-error';
import { toLocalFault } from '../errors/local-fault';
import type { StoredBlob } from '../store/blob-store';
import type { BlobBatch } from '../store/blob-batch';
import type { FolderRecord } from '../store/folders-repo';
import type { HeaderRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { importedHeaders } from './imported-headers';
import { looksLikeMbox, looksLikeMessage, readMbox } from './mbox-reader';
import { MessageSink } from './message-sink';

/** Rows are committed in groups this large (one flush of their files, one transaction). */
const GROUP_MESSAGES = 200;

export interface ImportResult {
  imported: number;
  /** Messages the folder held already, byte for byte (an import run again, or after one cut short). */
  skipped: number;
  files: number;
  /** The account whose journal grew (a folder on a server gets the messages by APPEND), or null. */
  replay: number | null;
}

/**
 * Imports mbox files and .eml files (told apart by their first bytes) into a
 * folder, streaming: each message goes into the blob store as it is read, so
 * a 2 GB mbox passes through a small, flat amount of memory. Into a local
 * folder the messages are simply stored; into a server's folder they are also
 * journaled for APPEND. A message the folder holds already, byte for byte,
 * is skipped: running an import again (after one cut short by a crash, say)
 * adds only what is missing, and appends nothing twice.
 */
export async function importMailFiles(store: Store, folderId: number, files: string[]): Promise<ImportResult> {
  const folder = store.folders.get(folderId);
  if (!folder || !folder.selectable) throw new WrenError('NotFound', `There is no folder ${folderId} that can hold mail.`, { folderId });
  const group = new ImportGroup(store, folder);
  try {
    for (const file of files) {
      if ((await kindOf(file)) === 'mbox') await importMbox(file, group);
      else await group.add(await sinkFile(file, group));
    }
    await group.commit();
  } catch (error) {
    group.discard();
    throw toLocalFault(error) ?? error;
  }
  return { imported: group.imported, skipped: group.skipped, files: files.length, replay: folder.isLocal || folder.accountId === null ? null : folder.accountId };
}

async function kindOf(file: string): Promise<'mbox' | 'eml'> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new WrenError('NotFound', `Cannot read ${file}: ${error.code ?? error.message}.`, { file });
  });
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead);
    if (looksLikeMbox(start)) return 'mbox';
    if (looksLikeMessage(start)) return 'eml';
    throw new WrenError('NotMailFile', `${file} is neither an mbox nor a message (.eml).`, { file });
  } finally {
    await handle.close();
  }
}

async function importMbox(file: string, group: ImportGroup): Promise<void> {
  let sink: MessageSink | null = null;
  for await (const piece of readMbox(createReadStream(file))) {
    if (piece.kind === 'start') {
      if (sink) await group.add(sink);
      sink = group.sink();
    } else {
      await sink!.write(piece.bytes);
    }
  }
  if (sink) await group.add(sink);
}

async function sinkFile(file: string, group: ImportGroup): Promise<MessageSink> {
  const sink = group.sink();
  for await (const chunk of createReadStream(file)) await sink.write(chunk as Buffer);
  return sink;
}

/** Messages read but not recorded yet: their files are flushed, then their rows written, a group at a time. */
class ImportGroup {
  imported = 0;
  skipped = 0;
  private readonly batch: BlobBatch;
  private pending: { header: HeaderRecord; stored: StoredBlob }[] = [];
  /** The folder's sources by content (a blob is named by its SHA-256): a message whose bytes are here already is skipped. */
  private readonly present: Set<string>;

  constructor(private readonly store: Store, private readonly folder: FolderRecord) {
    this.batch = store.blobs.batch();
    this.present = new Set(store.bodies.sourceBlobsIn(folder.id));
  }

  /** Where the next message's bytes go: into this group's batch. */
  sink(): MessageSink {
    return new MessageSink(this.store.blobs, this.batch);
  }

  async add(sink: MessageSink): Promise<void> {
    const stored = await sink.finish();
    if (this.present.has(stored.blob)) {
      this.skipped += 1;
      return;
    }
    this.present.add(stored.blob);
    this.pending.push({ header: importedHeaders(sink.headBytes(), stored.size, Date.now()), stored });
    if (this.pending.length >= GROUP_MESSAGES) await this.commit();
  }

  async commit(): Promise<void> {
    if (!this.pending.length) return;
    await this.batch.sync();
    const pending = this.pending;
    this.pending = [];
    this.store.write(() => {
      const ids = this.store.messages.insertHeaders(this.folder.id, pending.map((each) => each.header));
      ids.forEach((id, index) => {
        this.store.bodies.saveSource(id, pending[index]!.stored);
        this.store.messages.setBodyState(id, 'full');
      });
      if (!this.folder.isLocal && this.folder.accountId !== null) this.journalAppend(this.folder.accountId, ids, pending.map((each) => each.header));
    });
    this.imported += pending.length;
  }

  discard(): void {
    this.batch.discard();
  }

  private journalAppend(accountId: number, ids: number[], headers: HeaderRecord[]): void {
    const items = ids.map((id, index) => ({
      messageRowId: id, resultRowId: id, folderPath: this.folder.path, uidvalidity: null, uid: null,
      messageIdHeader: headers[index]!.messageId, priorFlags: headers[index]!.flags, priorFolderId: null, priorUid: null,
    }));
    this.store.operations.add({ accountId, kind: 'copy', action: 'append', targetPath: this.folder.path, add: [], remove: [], undoable: false }, items);
  }
}
