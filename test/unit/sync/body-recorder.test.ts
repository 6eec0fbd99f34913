import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { COMMIT_MESSAGES, UNRECORDED_FILES, WRITING_BYTES } from '../../../src-main/sync/batched-commits';
import { BodyRecorder } from '../../../src-main/sync/body-recorder';
import { fsyncLog } from '../store/fsync-log';
import { headerRecord, tempStore } from '../store/temp-store';

vi.mock('node:fs', async (importOriginal) => (await import('../store/fsync-log')).withFsyncLog(importOriginal));

let dispose: () => void = () => undefined;
beforeEach(() => {
  fsyncLog.length = 0;
});
afterEach(() => dispose());

function header(uid: number): HeaderRecord {
  return headerRecord({ uid, messageId: `<${uid}@test>`, subject: `Message ${uid}`, from: { name: 'A', address: 'a@test' }, date: uid * 1000, internalDate: uid * 1000, size: 100 });
}

function setup(count: number) {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const folderId = Number(store.db.prepare("INSERT INTO folders (path, name) VALUES ('INBOX', 'INBOX')").run().lastInsertRowid);
  store.write(() => store.messages.insertHeaders(folderId, Array.from({ length: count }, (_, i) => header(i + 1))));
  return { store, ids: store.messages.withoutBodies(folderId).map((m) => m.id) };
}

describe('BodyRecorder', () => {
  it('records a source only once its file and folder are on the disk, in commits of at most COMMIT_MESSAGES', async () => {
    const { store, ids } = setup(COMMIT_MESSAGES * 2 + 30);
    const early: string[] = [];
    const recordedAt: number[] = [];
    const saveSource = store.bodies.saveSource.bind(store.bodies);
    vi.spyOn(store.bodies, 'saveSource').mockImplementation((id, stored) => {
      const path = store.blobs.pathOf(stored.blob);
      if (!fsyncLog.includes(path) || !fsyncLog.includes(dirname(path))) early.push(path);
      saveSource(id, stored);
    });
    const recorder = new BodyRecorder(store, (count) => recordedAt.push(count));
    for (const id of ids) recorder.add(id, Buffer.from(`Subject: ${id}\r\n\r\nBody ${id}\r\n`));
    await recorder.finish();

    expect(early).toEqual([]);
    expect(recordedAt.reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect(Math.max(...recordedAt)).toBeLessThanOrEqual(COMMIT_MESSAGES);
    expect(ids.every((id) => store.bodies.source(id) !== undefined)).toBe(true);
  });

  it('asks the download to wait while more than WRITING_BYTES are still being written, and lets it go on once they are', async () => {
    const { store, ids } = setup(40);
    const recorder = new BodyRecorder(store, () => undefined);
    const source = (id: number) => Buffer.concat([Buffer.from(`Subject: ${id}\r\n\r\n`), Buffer.alloc(1024 * 1024, 'x')]);
    let waits = 0;
    for (const id of ids) {
      const wait = recorder.add(id, source(id));
      if (wait) {
        waits++;
        await wait;
      }
    }
    await recorder.finish();
    // 40 MB handed over at once would be held in memory; the recorder let at most about WRITING_BYTES through before each wait.
    expect(waits).toBeGreaterThanOrEqual(Math.floor((40 * 1024 * 1024) / WRITING_BYTES) - 1);
    expect(ids.every((id) => store.bodies.source(id) !== undefined)).toBe(true);
  });

  it('asks the download to wait while more than UNRECORDED_FILES files wait for flushes that lag behind', async () => {
    const { store, ids } = setup(UNRECORDED_FILES + 50);
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const realBatch = store.blobs.batch.bind(store.blobs);
    vi.spyOn(store.blobs, 'batch').mockImplementation(() => {
      const batch = realBatch();
      const sync = batch.sync.bind(batch);
      // A disk whose flushes are slow: nothing is recorded until the gate opens.
      vi.spyOn(batch, 'sync').mockImplementation(async () => {
        await gate;
        return sync();
      });
      return batch;
    });
    const recorder = new BodyRecorder(store, () => undefined);
    const waits = ids.map((id) => recorder.add(id, Buffer.from(`message ${id}`)));
    expect(waits.findIndex((wait) => wait !== undefined)).toBe(UNRECORDED_FILES);
    openGate();
    await Promise.all(waits);
    await recorder.finish();
    expect(ids.every((id) => store.bodies.source(id) !== undefined)).toBe(true);
  });

  it('a failed flush records nothing of its commit and is thrown by finish()', async () => {
    const { store, ids } = setup(5);
    const realBatch = store.blobs.batch.bind(store.blobs);
    vi.spyOn(store.blobs, 'batch').mockImplementation(() => {
      const batch = realBatch();
      // As a full or failing disk would.
      vi.spyOn(batch, 'sync').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
      return batch;
    });
    const recorder = new BodyRecorder(store, () => undefined);
    for (const id of ids) recorder.add(id, Buffer.from(`message ${id}`));
    await expect(recorder.finish()).rejects.toThrow('ENOSPC');
    expect(ids.every((id) => store.bodies.source(id) === undefined)).toBe(true);
  });

  it('a message deleted while its source is on the way (deleted for good, Trash emptied) costs only its own row: the rest of the commit is recorded', async () => {
    const { store, ids } = setup(5);
    const recorder = new BodyRecorder(store, () => undefined);
    for (const id of ids) recorder.add(id, Buffer.from(`message ${id}`));
    // The user deletes one for good in the main thread while the download's commit is still waiting for its files.
    store.write(() => store.db.prepare('DELETE FROM messages WHERE id = ?').run(ids[2]));
    await recorder.finish();
    expect(ids.filter((id) => store.bodies.source(id) !== undefined)).toEqual(ids.filter((id) => id !== ids[2]));
  });
});

