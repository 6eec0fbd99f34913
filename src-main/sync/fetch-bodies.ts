import type { Readable } from 'node:stream';
import { downloadMessage } from '../imap/download-message';
import { fetchSources } from '../imap/fetch-sources';
import type { ImapClient } from '../imap/imap-client';
import { withFolder } from '../imap/with-folder';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { BodyRecorder, recordSources } from './body-recorder';
import { chunkBySize } from './uid-ranges';
import type { FolderProgress } from './sync-folder';

/**
 * Messages up to this size come many per FETCH, each held in memory only
 * while it is written; larger ones stream one by one straight to disk.
 */
const SMALL_MESSAGE_BYTES = 8 * 1024 * 1024;
/** One FETCH asks for at most this many messages and bytes: few round trips, bounded work per command. */
const BATCH_MESSAGES = 500;
const BATCH_BYTES = 32 * 1024 * 1024;

/** A message to download: its row, its UID in the folder selected, its size as the server gave it. */
export type PendingBody = { id: number; uid: number; size: number };

/**
 * Downloads the full source of every message not yet cached, for offline
 * reading (`sync --bodies`). Sources go to the blob store as they arrive and
 * are recorded in small commits (BodyRecorder), so an interrupted download
 * keeps nearly all of what arrived; they are parsed when a message is opened,
 * so this stays a plain download.
 */
export async function fetchFolderBodies(client: ImapClient, store: Store, folder: FolderRecord, onProgress: FolderProgress, since?: number): Promise<number> {
  const pending = store.messages.withoutBodies(folder.id, since);
  if (pending.length === 0) return 0;
  let done = 0;
  const advance = (count: number) => {
    done += count;
    onProgress(done, pending.length);
  };
  await withFolder(client, folder.path, async () => {
    onProgress(0, pending.length);
    await downloadBodies(client, store, pending, advance);
  }, { readOnly: true });
  return done;
}

/** The full sources of `pending`, in the folder already selected: small ones many per FETCH, large ones streamed. */
export async function downloadBodies(client: ImapClient, store: Store, pending: PendingBody[], advance: (count: number) => void): Promise<void> {
  await fetchSmall(client, store, pending.filter((m) => m.size <= SMALL_MESSAGE_BYTES), advance);
  await fetchLarge(client, store, pending.filter((m) => m.size > SMALL_MESSAGE_BYTES), advance);
}

/**
 * One FETCH per batch; each source is written to disk as it arrives, so only
 * one is held at a time, and recorded within a fraction of a second, while
 * the FETCH goes on. An expunged message simply does not arrive.
 */
async function fetchSmall(client: ImapClient, store: Store, small: PendingBody[], advance: (count: number) => void): Promise<void> {
  const recorder = new BodyRecorder(store, advance);
  try {
    for (const batch of chunkBySize(small, BATCH_MESSAGES, BATCH_BYTES)) {
      const idByUid = new Map(batch.map((m) => [m.uid, m.id]));
      await fetchSources(client, batch.map((m) => m.uid), (uid, source) => recorder.add(idByUid.get(uid)!, source));
    }
  } finally {
    // Also after a dropped connection or a stop: what is on disk is recorded, so a resumed sync skips it.
    await recorder.finish();
  }
}

/**
 * Streams large messages to disk one by one. The next download is already
 * asked for while the previous one is still being written, so the connection
 * does not sit idle during the disk writes. One that was expunged meanwhile
 * counts as done (the next header sync removes it).
 */
async function fetchLarge(client: ImapClient, store: Store, large: PendingBody[], advance: (count: number) => void): Promise<void> {
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

function startDownload(client: ImapClient, message: PendingBody): Promise<Readable | undefined> {
  const content = downloadMessage(client, message.uid);
  // A failure is thrown where the download is awaited; until then it must not count as unhandled (and end the process).
  content.catch(() => undefined);
  return content;
}
