import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMIT_MESSAGES } from '../../../src-main/sync/batched-commits';
import { fetchFolderBodies } from '../../../src-main/sync/fetch-bodies';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { headerRecord, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

const MB = 1024 * 1024;

function header(uid: number, size: number): HeaderRecord {
  return headerRecord({ uid, messageId: `<${uid}@test>`, subject: `Message ${uid}`, from: { name: 'A', address: 'a@test' }, date: uid * 1000, internalDate: uid * 1000, size });
}

const sourceOf = (uid: number) => Buffer.from(`Subject: Message ${uid}\r\n\r\nBody ${uid}\r\n`);

/**
 * The few ImapFlow calls fetchFolderBodies makes, answered from memory;
 * `dropAfter` cuts the FETCH short, `holdAfter` pauses it until `hold` resolves.
 */
function fakeClient(options: { dropAfter?: number; failDownload?: number; holdAfter?: number; hold?: Promise<void> } = {}) {
  const fetches: string[] = [];
  const downloads: { uid: string; options: unknown }[] = [];
  const client = {
    getMailboxLock: async () => ({ release: () => undefined }),
    // INBOX stays selected between calls: withFolder brings the view up to date first.
    noop: async () => true,
    mailbox: { path: 'INBOX', uidValidity: 1n, uidNext: 1000, exists: 300 },
    async *fetch(range: string) {
      fetches.push(range);
      let sent = 0;
      for (const uid of expand(range)) {
        if (sent === options.holdAfter) await options.hold;
        if (sent++ === options.dropAfter) throw new Error('Connection closed');
        yield { uid, source: sourceOf(uid) };
      }
    },
    async download(uid: string, _part: undefined, downloadOptions: unknown) {
      downloads.push({ uid, options: downloadOptions });
      if (Number(uid) === options.failDownload) throw new Error('Connection closed');
      return { content: Readable.from([sourceOf(Number(uid))]) };
    },
  };
  return { client: client as unknown as ImapFlow, fetches, downloads };
}

function expand(range: string): number[] {
  return range.split(',').flatMap((part) => {
    const [from, to = from] = part.split(':').map(Number);
    return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
  });
}

function setup(sizes: number[]) {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const folderId = Number(store.db.prepare("INSERT INTO folders (path, name) VALUES ('INBOX', 'INBOX')").run().lastInsertRowid);
  store.write(() => store.messages.insertHeaders(folderId, sizes.map((size, i) => header(i + 1, size))));
  const folder = store.folders.get(folderId)!;
  return { store, folder };
}

describe('fetchFolderBodies', () => {
  it('stores every source, small ones in batched FETCHes recorded in commits of at most COMMIT_MESSAGES, large ones in big download chunks', async () => {
    const sizes = [...Array.from({ length: 1200 }, () => 2000), 9 * MB];
    const { store, folder } = setup(sizes);
    const { client, fetches, downloads } = fakeClient();
    const write = vi.spyOn(store, 'write');
    const progress: [number, number][] = [];

    const fetched = await fetchFolderBodies(client, store, folder, (done, total) => progress.push([done, total]));

    expect(fetched).toBe(1201);
    expect(fetches.map((f) => expand(f).length)).toEqual([500, 500, 200]);
    expect(downloads).toEqual([{ uid: '1201', options: expect.objectContaining({ uid: true, chunkSize: 8 * MB }) }]);
    // Commits are cut by count (or time), not by FETCH: at least 1200 / 200 for the small ones, one for the download.
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(1200 / COMMIT_MESSAGES + 1);
    expect(progress[0]).toEqual([0, 1201]);
    expect(progress.at(-1)).toEqual([1201, 1201]);
    expect(store.messages.withoutBodies(folder.id)).toEqual([]);
    const id = store.messages.page(folder.id, 0, 2000).items.find((m) => m.uid === 7)!.id;
    expect(readFileSync(store.blobs.pathOf(store.bodies.source(id)!.blob))).toEqual(sourceOf(7));
  });

  it('records sources while their FETCH is still running, so an interruption mid-FETCH keeps them', async () => {
    const { store, folder } = setup(Array.from({ length: 300 }, () => 2000));
    let release = () => undefined as void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const progress: number[] = [];
    const running = fetchFolderBodies(fakeClient({ holdAfter: 120, hold }).client, store, folder, (done) => progress.push(done));

    // The FETCH has sent 120 of 300 and is still open: those 120 must be recorded anyway.
    await vi.waitFor(() => expect(store.messages.withoutBodies(folder.id)).toHaveLength(180), { timeout: 10_000 });
    expect(progress.at(-1)).toBe(120);
    release();
    expect(await running).toBe(300);
    expect(store.messages.withoutBodies(folder.id)).toEqual([]);
  }, 20_000);

  it('keeps what arrived before a dropped connection, so the next run fetches only the rest', async () => {
    const { store, folder } = setup(Array.from({ length: 10 }, () => 2000));
    await expect(fetchFolderBodies(fakeClient({ dropAfter: 4 }).client, store, folder, () => undefined)).rejects.toThrow('Connection closed');
    expect(store.messages.withoutBodies(folder.id)).toHaveLength(6);

    const rerun = fakeClient();
    expect(await fetchFolderBodies(rerun.client, store, folder, () => undefined)).toBe(6);
    expect(expand(rerun.fetches[0]!)).toHaveLength(6);
    expect(store.messages.withoutBodies(folder.id)).toEqual([]);
  });

  it('asks for the next large message while writing the previous one, and a failed download loses only the rest', async () => {
    const { store, folder } = setup([9 * MB, 9 * MB, 9 * MB, 9 * MB]);
    const { client, downloads } = fakeClient({ failDownload: 2 }); // withoutBodies is newest first: 4, 3, then 2 fails
    await expect(fetchFolderBodies(client, store, folder, () => undefined)).rejects.toThrow('Connection closed');
    expect(downloads.map((d) => d.uid)).toEqual(['4', '3', '2']);
    expect(store.messages.withoutBodies(folder.id).map((m) => m.uid)).toEqual([2, 1]);
  });
});
