import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * The user deletes folders for good (journaled, gone here at once) while an account's sync runs: the one whose
 * headers are coming now, and one the sync has still to reach (it listed the folders before). Their
 * headers can no longer be stored; the sync skips them and goes on, in the main thread as in the worker.
 */
describe.each([
  ['in the main thread', null],
  ['in the sync worker', resolve('dist/main/sync-worker.cjs')],
])('folders deleted here while the account syncs (%s)', (_where, syncWorkerPath) => {
  let lab: Lab;
  let wren: TestCore;
  const bob = () => lab.users[1]!;

  beforeAll(async () => {
    lab = await startLab();
    for (const folder of ['Projects', 'Reports', 'Zulu']) {
      await lab.seed(bob().email, folder, Array.from({ length: 5 }, (_, i) => simpleMessage(i + 1, { subject: folder, to: bob().email })));
    }
    wren = startCore({ syncWorkerPath });
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('are skipped quietly: the sync ends well and the folders after them are synced', async () => {
    const accountId = (await wren.call('accounts.add', labDraft(lab, bob()))).id;
    const folderId = (path: string) => wren.core.store.folders.list(accountId).find((f) => f.path === path)?.id;
    const deleted: Promise<unknown>[] = [];
    const off = wren.core.events.on('sync.progress', (p: Events['sync.progress']) => {
      if (p.phase !== 'headers' || p.folderPath !== 'Projects' || p.done !== 0 || deleted.length) return;
      for (const path of ['Projects', 'Reports']) deleted.push(wren.call('folders.delete', { folderId: folderId(path)!, subfolders: [], permanent: true }));
    });
    let outcome;
    try {
      outcome = await wren.call('sync.run', { accountId });
    } finally {
      off();
    }
    await Promise.all(deleted);
    expect(deleted).toHaveLength(2);
    expect(outcome).toMatchObject({ failures: [], summaries: [expect.objectContaining({ accountId })] });
    expect(outcome!.summaries[0]!.folderErrors).toBeUndefined();
    expect([folderId('Projects'), folderId('Reports')]).toEqual([undefined, undefined]);
    expect(wren.core.store.messages.uids(folderId('Zulu')!)).toHaveLength(5);
  }, 60_000);
});
