import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStore, MESSAGE_HEAD_BYTES } from '../../../src-main/store/blob-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function blobStore(): BlobStore {
  dir = mkdtempSync(join(tmpdir(), 'wren-blobs-'));
  return new BlobStore(dir);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('BlobStore', () => {
  it('writeBuffer stores content under its SHA-256, readable only by the owner, leaving no temp file', async () => {
    const blobs = blobStore();
    const content = Buffer.from('From: a@test\r\n\r\nHello\r\n');
    const stored = await blobs.writeBuffer(content);
    expect(stored).toEqual({ blob: sha256(content), size: content.length });
    expect(readFileSync(blobs.pathOf(stored.blob))).toEqual(content);
    expect(statSync(blobs.pathOf(stored.blob)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.startsWith('.incoming-'))).toEqual([]);
  });

  it('head gives a blob\'s first bytes, or all of a shorter one', async () => {
    const blobs = blobStore();
    const long = await blobs.writeBuffer(Buffer.alloc(MESSAGE_HEAD_BYTES + 10, 'a'));
    expect((await blobs.head(long.blob)).length).toBe(MESSAGE_HEAD_BYTES);
    const short = await blobs.writeBuffer(Buffer.from('Subject: hi\r\n\r\nbody'));
    expect((await blobs.head(short.blob)).toString()).toBe('Subject: hi\r\n\r\nbody');
    expect((await blobs.head(short.blob, 7)).toString()).toBe('Subject');
  });

  it('writeBuffer and writeStream agree on the address of the same content', async () => {
    const blobs = blobStore();
    const content = Buffer.alloc(300_000, 'x');
    const fromStream = await blobs.writeStream(Readable.from([content.subarray(0, 1000), content.subarray(1000)]));
    expect(await blobs.writeBuffer(content)).toEqual(fromStream);
    expect(statSync(blobs.pathOf(fromStream.blob)).size).toBe(content.length);
  });

  it('stores many blobs across prefix folders, and the same content twice as one file', async () => {
    const blobs = blobStore();
    const batch = blobs.batch();
    const written = Array.from({ length: 300 }, (_, i) => batch.write(Buffer.from(`message ${i}`)));
    batch.write(Buffer.from('message 0'));
    await batch.sync();
    for (const { blob } of written) expect(blobs.has(blob)).toBe(true);
    const files = readdirSync(dir).filter((name) => !name.startsWith('.')).flatMap((folder) => readdirSync(join(dir, folder)));
    expect(files).toHaveLength(300);
  });

  it('writeStream removes its temp file when the source fails', async () => {
    const blobs = blobStore();
    const failing = Readable.from((async function* () {
      yield Buffer.from('partial');
      throw new Error('connection dropped');
    })());
    await expect(blobs.writeStream(failing)).rejects.toThrow('connection dropped');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed writeStream closes its descriptor once, never a number reused by the next file', async () => {
    const blobs = blobStore();
    const failing = Readable.from((async function* () {
      yield Buffer.from('partial');
      throw new Error('connection dropped');
    })());
    await expect(blobs.writeStream(failing)).rejects.toThrow('connection dropped');
    const next = openSync(join(dir, 'next'), 'w'); // the number the failed stream had, free again
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(() => fstatSync(next)).not.toThrow();
    } finally {
      closeSync(next);
    }
  });

  it('writeStream in a batch closes its file and removes the temp file when the rename into place fails', async () => {
    const blobs = blobStore();
    const content = Buffer.from('a streamed attachment');
    // A plain file where the blob's prefix folder should be: the rename into place fails (ENOTDIR).
    writeFileSync(join(dir, sha256(content).slice(0, 2)), '');
    const before = openFilesUnder(dir);
    const batch = blobs.batch();
    await expect(blobs.writeStream(Readable.from([content]), batch)).rejects.toThrow(/ENOTDIR/);
    expect(openFilesUnder(dir)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.startsWith('.incoming-'))).toEqual([]);
    await batch.sync(); // nothing adopted: nothing to flush, no stray descriptor
  });
});

/** The files under `folder` this process holds open (Linux: /proc/self/fd). */
function openFilesUnder(folder: string): string[] {
  return readdirSync('/proc/self/fd')
    .flatMap((fd) => {
      try {
        return [readlinkSync(`/proc/self/fd/${fd}`)];
      } catch {
        return [];
      }
    })
    .filter((target) => target.startsWith(folder))
    .sort();
}
