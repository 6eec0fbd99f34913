import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../../lab/simple-message';
import type { Events, StoreChange } from '../../../src-main/ipc/contract';
import { HEADER_BATCH } from '../../../src-main/sync/sync-folder';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';


/** The app's real arrangement: the bundled sync worker writes, the main thread reads and relays. */
describe('sync in the worker thread', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const total = HEADER_BATCH * 2 + 5;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', Array.from({ length: total }, (_, i) => simpleMessage(i + 1, { subject: 'Worker', to: 'alice@example.test' })));
    wren = startCore({ syncWorkerPath: resolve('dist/main/sync-worker.cjs'), syncIntervalMs: 60 * 60_000 });
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('syncs, relaying progress and store changes to the main thread', async () => {
    const progress: Events['sync.progress'][] = [];
    const changes: StoreChange[] = [];
    const offProgress = wren.core.events.on('sync.progress', (p) => progress.push(p));
    const offChanges = wren.core.events.on('store.changed', (e) => changes.push(...e.changes));
    const summary = await wren.core.sync.run(accountId, false);
    offProgress();
    offChanges();
    expect(summary.newMessages).toBe(total);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    expect(inbox.total).toBe(total); // read by the main thread's own connection
    expect(progress.some((p) => p.folderPath === 'INBOX' && p.done === total && p.total === total)).toBe(true);
    const announced = changes.filter((c) => c.entity === 'messages' && c.folderId === inbox.id).flatMap((c) => c.ids);
    expect(new Set(announced).size).toBe(total);
  });

  it('survives a dropped line: the failure crosses the thread as a typed error, and the next sync completes', async () => {
    // Enough batches that the line drops while FETCHes are still to come: progress counts committed batches,
    // and the header-store thread commits while the next ones are fetched, so three batches could all be read by then.
    const laterTotal = HEADER_BATCH * 6 + 5;
    await lab.seed(lab.users[0]!.email, 'Later', Array.from({ length: laterTotal }, (_, i) => simpleMessage(1000 + i, { subject: 'Worker', to: 'alice@example.test' })));
    let cut = false;
    const off = wren.core.events.on('sync.progress', (p) => {
      if (!cut && p.folderPath === 'Later' && p.phase === 'headers' && p.done > 0) {
        cut = true;
        wren.core.sync.dropConnection(accountId);
      }
    });
    await expect(wren.core.sync.run(accountId, false)).rejects.toMatchObject({ code: expect.stringMatching(/ConnectionLost|Timeout/) });
    off();
    expect(wren.core.status.get(accountId).state).toBe('offline');
    await wren.core.sync.run(accountId, false);
    const later = wren.core.store.folders.list(accountId).find((f) => f.path === 'Later')!;
    expect(later.total).toBe(laterTotal);
  });
});
