import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { LONG_HEADER_SYNC_REMAINING } from '../../../src-main/sync/sync-account';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** Enough for the header sync to be long (a first batch of 500, then more than LONG_HEADER_SYNC_REMAINING). */
const TOTAL = 500 + LONG_HEADER_SYNC_REMAINING + 300;

function message(n: number): string {
  return simpleMessage(n, { subject: `Alongside ${n}`, to: 'carol@example.test' }) + `Body of message ${n}\r\n`.repeat(40);
}

/**
 * A first `sync --bodies` of a big folder downloads bodies over a second
 * connection while the headers still arrive: every body once, byte for byte.
 */
describe('bodies downloaded alongside a long first header sync', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[2]!.email, 'INBOX', Array.from({ length: TOTAL }, (_, i) => message(i + 1)));
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[2]!))).id;
  }, 180_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  const logins = async () => (await readFile(lab.logPath, 'utf8')).split('\n').filter((line) => line.includes('imap-login') && line.includes('Login: user=<carol@')).length;

  it('opens a second connection for the bodies while the headers arrive, and stores each body once', async () => {
    const before = await logins();
    let headersDone = 0;
    const off = wren.core.events.on('sync.progress', (p: Events['sync.progress']) => {
      if (p.folderPath === 'INBOX' && p.phase === 'headers' && p.done === p.total) headersDone += 1;
    });
    try {
      const summary = await wren.core.sync.run(accountId, true);
      expect(summary).toMatchObject({ newMessages: TOTAL, bodiesFetched: TOTAL });
    } finally {
      off();
    }
    // The sync's connection and the bodies' one (closed again when the sync ended).
    expect((await logins()) - before).toBe(2);
    expect(headersDone).toBe(1);

    const { store } = wren.core;
    const inbox = store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const rows = store.db.prepare('SELECT m.id, m.subject, s.blob FROM messages m JOIN message_sources s ON s.message_id = m.id WHERE m.folder_id = ?').all(inbox.id) as { id: number; subject: string; blob: string }[];
    expect(rows).toHaveLength(TOTAL);
    expect(store.messages.withoutBodies(inbox.id)).toEqual([]);
    for (const row of rows.filter((_, i) => i % 97 === 0)) {
      const n = Number(row.subject.split(' ')[1]);
      expect(readFileSync(store.blobs.pathOf(row.blob), 'utf8')).toBe(message(n));
    }
  }, 180_000);
});
