import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobStore, type StoredBlob } from '../../../src-main/store/blob-store';
import { fsyncLog } from './fsync-log';

vi.mock('node:fs', async (importOriginal) => (await import('./fsync-log')).withFsyncLog(importOriginal));

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-blobs-'));
  fsyncLog.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * After sync(): every file, each folder that gained a name and the store folder were flushed, the
 * files before any folder (a folder entry must never reach the disk ahead of its file's content),
 * and no temporary file is left.
 */
function expectFlushedFilesFirst(blobs: BlobStore, stored: StoredBlob[]): void {
  const files = stored.map((s) => blobs.pathOf(s.blob));
  const folders = new Set(files.map((path) => dirname(path)));
  expect(new Set(fsyncLog)).toEqual(new Set([...files, ...folders, dir]));
  const lastFile = Math.max(...files.map((path) => fsyncLog.indexOf(path)));
  for (const folder of [...folders, dir]) expect(fsyncLog.indexOf(folder)).toBeGreaterThan(lastFile);
  for (const folder of [dir, ...folders]) expect(readdirSync(folder).filter((name) => name.startsWith('.incoming-'))).toEqual([]);
}

describe('BlobBatch: durable before recorded', () => {
  it('writes at once but flushes only in sync(): every file, each folder that gained a name, and the store folder for new folders', async () => {
    const blobs = new BlobStore(dir);
    const batch = blobs.batch();
    const stored = Array.from({ length: 40 }, (_, i) => batch.write(Buffer.from(`message ${i}`)));
    expect(readFileSync(blobs.pathOf(stored[7]!.blob), 'utf8')).toBe('message 7'); // readable before the flush
    expect(fsyncLog).toEqual([]);

    await batch.sync();
    expectFlushedFilesFirst(blobs, stored);
  });

  it('flushes content already stored again (another batch may not have flushed it yet) and renews its age for the orphan collector', async () => {
    const blobs = new BlobStore(dir);
    const first = await blobs.writeBuffer(Buffer.from('same message'));
    const path = blobs.pathOf(first.blob);
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path, old, old);
    fsyncLog.length = 0;

    const batch = blobs.batch();
    expect(batch.write(Buffer.from('same message'))).toEqual(first);
    await batch.sync();
    expect(fsyncLog).toEqual([path, dirname(path)]);
    expect(statSync(path).mtimeMs).toBeGreaterThan(old.getTime() + 3600_000);
  });

  it('writes in the background with the same guarantees: readable once written, flushed with its folders by sync(), content already stored kept', async () => {
    const blobs = new BlobStore(dir);
    const existing = await blobs.writeBuffer(Buffer.from('message 3'));
    fsyncLog.length = 0;
    const batch = blobs.batch();
    const stored = await Promise.all(Array.from({ length: 40 }, (_, i) => batch.writeInBackground(Buffer.from(`message ${i}`))));
    expect(stored[3]).toEqual(existing);
    expect(readFileSync(blobs.pathOf(stored[7]!.blob), 'utf8')).toBe('message 7');
    expect(fsyncLog).toEqual([]);

    await batch.sync();
    expectFlushedFilesFirst(blobs, stored);
  });

  it('rewrites a stored file found damaged (wrong size) instead of trusting its name', async () => {
    const blobs = new BlobStore(dir);
    const content = Buffer.from('a whole message source');
    const stored = await blobs.writeBuffer(content);
    rmSync(blobs.pathOf(stored.blob));
    await blobs.writeBuffer(content);
    expect(blobs.intact(stored)).toBe(true);
    expect(blobs.intact({ ...stored, size: stored.size + 1 })).toBe(false);
  });

  it('writeStream flushes the file before it is handed back, then its folder', async () => {
    const blobs = new BlobStore(dir);
    const stored = await blobs.writeStream(Readable.from([Buffer.alloc(100_000, 'x'), Buffer.alloc(5, 'y')]));
    expect(stored.size).toBe(100_005);
    const path = blobs.pathOf(stored.blob);
    // The file was flushed under its temporary name, before the rename.
    expect(fsyncLog).toHaveLength(3);
    expect(fsyncLog[0]).toMatch(/\.incoming-[0-9a-f]+-\d+$/);
    expect(new Set(fsyncLog.slice(1))).toEqual(new Set([dirname(path), dir]));
  });
});
