import type { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { DOWNLOAD_CHUNK_BYTES } from '../imap/download-chunk';
import type { StoredBlob } from '../store/blob-store';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { chunkBySize, toSequenceSet } from './uid-ranges';
import type { FolderProgress } from './sync-folder';

/**
 * Messages up to this size come many per FETCH, each held in memory only
 * while it is written; larger ones stream one by one straight to disk.
 */
const SMALL_MESSAGE_BYTES = 8 * 1024 * 1024;
/** One FETCH asks for at most this many messages and bytes: few round trips, bounded work per command. */
const BATCH_MESSAGES = 500;
const BATCH_BYTES = 32 * 1024 * 1024;

type Pending = { id: number; uid: number };
type Saved = { id: number; stored: StoredBlob };

/**
 * Downloads the full source of every message not yet cached, for offline
 * reading (`sync --bodies`). Sources go to the blob store as they arrive;
 * they are parsed when a message is opened, so this stays a plain download.
 */
export async function fetchFolderBodies(client: ImapFlow, store: Store, folder: FolderRecord, onProgress: FolderProgress): Promise<number> {
  const pending = store.messages.withoutBodies(folder.id);
  if (pending.length === 0) return 0;
  const lock = await client.getMailboxLock(folder.path, { readOnly: true });
  let done = 0;
  const advance = (count: number) => {
    done += count;
    onProgress(done, pending.length);
  };
  try {
    onProgress(0, pending.length);
    const small = pending.filter((m) => m.size <= SMALL_MESSAGE_BYTES);
    const large = pending.filter((m) => m.size > SMALL_MESSAGE_BYTES);
    for (const batch of chunkBySize(small, BATCH_MESSAGES, BATCH_BYTES)) advance(await fetchSmall(client, store, batch));
    await fetchLarge(client, store, large, advance);
  } finally {
    lock.release();
  }
  return done;
}

/**
 * One FETCH for the batch; each source is written to disk as it arrives, so
 * only one is held at a time, and the batch is recorded in one transaction.
 * Returns how many sources arrived (an expunged message simply does not).
 */
async function fetchSmall(client: ImapFlow, store: Store, batch: Pending[]): Promise<number> {
  const idByUid = new Map(batch.map((m) => [m.uid, m.id]));
  const saved: Saved[] = [];
  try {
    for await (const message of client.fetch(toSequenceSet(batch.map((m) => m.uid)), { uid: true, source: true }, { uid: true })) {
      const id = idByUid.get(message.uid);
      if (id !== undefined && message.source) saved.push({ id, stored: store.blobs.writeBuffer(message.source) });
    }
  } finally {
    // Also after a dropped connection: what is on disk is recorded, so a resumed sync skips it.
    recordSources(store, saved);
  }
  return saved.length;
}

/**
 * Streams large messages to disk one by one. The next download is already
 * asked for while the previous one is still being written, so the connection
 * does not sit idle during the disk writes. One that was expunged meanwhile
 * counts as done (the next header sync removes it).
 */
async function fetchLarge(client: ImapFlow, store: Store, large: Pending[], advance: (count: number) => void): Promise<void> {
  let next = large.length ? startDownload(client, large[0]!) : undefined;
  try {
    for (let i = 0; i < large.length; i++) {
      const content = await next!;
      next = i + 1 < large.length ? startDownload(client, large[i + 1]!) : undefined;
      if (content) recordSources(store, [{ id: large[i]!.id, stored: await store.blobs.writeStream(content) }]);
      advance(1);
    }
  } finally {
    // After a failure, a download already under way is never read: drop its stream.
    void next?.then((content) => content?.destroy(), () => undefined);
  }
}

function startDownload(client: ImapFlow, message: Pending): Promise<Readable | undefined> {
  const content = client.download(String(message.uid), undefined, { uid: true, chunkSize: DOWNLOAD_CHUNK_BYTES }).then((download) => download.content);
  // A failure is thrown where the download is awaited; until then it must not count as unhandled (and end the process).
  content.catch(() => undefined);
  return content;
}

function recordSources(store: Store, saved: Saved[]): void {
  if (saved.length === 0) return;
  store.write(() => {
    for (const { id, stored } of saved) {
      store.bodies.saveSource(id, stored);
      store.messages.setBodyState(id, 'full');
    }
  });
}
