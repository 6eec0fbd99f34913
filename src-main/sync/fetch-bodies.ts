import type { ImapFlow } from 'imapflow';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { chunk, toSequenceSet } from './uid-ranges';
import type { FolderProgress } from './sync-folder';

/** Messages up to this size come many per FETCH; larger ones stream one by one straight to disk. */
const SMALL_MESSAGE_BYTES = 1024 * 1024;
const SMALL_BATCH = 50;

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
  const tick = () => onProgress(++done, pending.length);
  try {
    const small = pending.filter((m) => m.size <= SMALL_MESSAGE_BYTES);
    const large = pending.filter((m) => m.size > SMALL_MESSAGE_BYTES);
    for (const batch of chunk(small, SMALL_BATCH)) await fetchSmall(client, store, batch, tick);
    for (const message of large) await fetchLarge(client, store, message, tick);
  } finally {
    lock.release();
  }
  return done;
}

type Pending = { id: number; uid: number };

async function fetchSmall(client: ImapFlow, store: Store, batch: Pending[], tick: () => void): Promise<void> {
  const idByUid = new Map(batch.map((m) => [m.uid, m.id]));
  const sources: { id: number; source: Buffer }[] = [];
  for await (const message of client.fetch(toSequenceSet(batch.map((m) => m.uid)), { uid: true, source: true }, { uid: true })) {
    const id = idByUid.get(message.uid);
    if (id !== undefined && message.source) sources.push({ id, source: message.source });
  }
  for (const { id, source } of sources) {
    const stored = await store.blobs.writeBuffer(source);
    store.write(() => {
      store.bodies.saveSource(id, stored);
      store.messages.setBodyState(id, 'full');
    });
    tick();
  }
}

async function fetchLarge(client: ImapFlow, store: Store, message: Pending, tick: () => void): Promise<void> {
  const { content } = await client.download(String(message.uid), undefined, { uid: true });
  if (!content) return tick(); // expunged meanwhile; the next header sync removes it
  const stored = await store.blobs.writeStream(content);
  store.write(() => {
    store.bodies.saveSource(message.id, stored);
    store.messages.setBodyState(message.id, 'full');
  });
  tick();
}
