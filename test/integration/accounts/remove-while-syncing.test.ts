import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';


/**
 * The app's arrangement: the sync runs in the worker thread, which keeps
 * writing while the main thread handles the removal. The removal must end
 * that sync first, or its later batches land after the rows are gone.
 */
describe('removing an account while the sync worker is downloading it', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    const big = 'x'.repeat(200_000);
    await lab.seed(lab.users[0]!.email, 'INBOX', Array.from({ length: 60 }, (_, i) => simpleMessage(i + 1, { to: lab.users[0]!.email }).replace(/Body \d+/, `Body ${i} ${big}`)));
    wren = startCore({ syncWorkerPath: resolve('dist/main/sync-worker.cjs') });
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('ends the sync first: no rows, no blob files and no failure from the sync left behind', async () => {
    const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    const downloading = new Promise<void>((done) => {
      const off = wren.core.events.on('sync.progress', (p) => {
        if (p.phase === 'bodies' && p.done > 0) {
          off();
          done();
        }
      });
    });
    const sync = wren.call('sync.run', { accountId, bodies: true });
    await downloading;
    await wren.call('accounts.remove', { accountId });
    const removedAt = [...wren.core.store.blobs.files()].length;
    await sync;
    // Give a sync that was not stopped time to write its next batches.
    await new Promise((r) => setTimeout(r, 1500));
    expect(wren.core.store.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(wren.core.store.db.prepare('SELECT count(*) FROM folders').pluck().get()).toBe(0);
    expect(removedAt).toBe(0);
    expect([...wren.core.store.blobs.files()]).toEqual([]);
  });
});
