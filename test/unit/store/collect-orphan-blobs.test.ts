import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectOrphanBlobs } from '../../../src-main/store/collect-orphan-blobs';
import { tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function age(path: string, hours: number): void {
  const then = new Date(Date.now() - hours * 3600_000);
  utimesSync(path, then, then);
}

describe('collectOrphanBlobs', () => {
  it('removes old unreferenced blobs and crash leftovers, keeps referenced and fresh ones', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const { store } = t;
    const folderId = Number(store.db.prepare("INSERT INTO folders (path, name) VALUES ('Local', 'Local')").run().lastInsertRowid);
    const messageId = Number(store.db.prepare('INSERT INTO messages (folder_id, uid, sort_date) VALUES (?, 1, 0)').run(folderId).lastInsertRowid);
    const kept = await store.blobs.writeBuffer(Buffer.from('referenced source'));
    store.write(() => store.bodies.saveSource(messageId, kept));
    const orphan = await store.blobs.writeBuffer(Buffer.from('source of an expunged message'));
    const fresh = await store.blobs.writeBuffer(Buffer.from('written a moment ago by another thread'));
    const leftover = join(t.dir, 'blobs', '.incoming-deadbeef');
    writeFileSync(leftover, 'half a download');
    // A download's temp file sits beside the blobs of its address (BlobStore.tempBeside).
    const leftBeside = join(dirname(store.blobs.pathOf(kept.blob)), '.incoming-deadbeef-2');
    writeFileSync(leftBeside, 'half a message');
    for (const path of [store.blobs.pathOf(kept.blob), store.blobs.pathOf(orphan.blob), leftover, leftBeside]) age(path, 2);

    expect(collectOrphanBlobs(store)).toBe(3);
    expect(existsSync(leftBeside)).toBe(false);
    expect(store.blobs.has(kept.blob)).toBe(true);
    expect(store.blobs.has(fresh.blob)).toBe(true);
    expect(store.blobs.has(orphan.blob)).toBe(false);
    expect(existsSync(leftover)).toBe(false);
  });
});
