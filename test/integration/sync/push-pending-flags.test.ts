import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { freePorts } from '../../lab/net-util';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** Subject → flags on the server (without the session flag \Recent). */
async function serverFlags(lab: Lab, user: string, folder: string): Promise<Map<string, string[]>> {
  const client = await connectImap(lab, user);
  const flags = new Map<string, string[]>();
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    for await (const m of client.fetch('1:*', { uid: true, envelope: true, flags: true })) {
      flags.set(m.envelope!.subject!, [...m.flags!].filter((f) => f !== '\\Recent').sort());
    }
  } finally {
    await client.logout();
  }
  return flags;
}

/**
 * Renumbers a folder the way a server rebuilding it may: a new UIDVALIDITY
 * and the messages (but `drop`) in reverse order, so each old UID now holds
 * another message.
 */
async function renumberReversed(lab: Lab, user: string, folder: string, drop: string[] = []): Promise<void> {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen(folder);
    const messages = (await client.fetchAll('1:*', { uid: true, source: true, envelope: true }))
      .filter((m) => !drop.includes(m.envelope!.subject!));
    await client.mailboxClose();
    await client.mailboxDelete(folder);
    await client.mailboxCreate(folder);
    for (const m of messages.reverse()) await client.append(folder, m.source!, []);
  } finally {
    await client.logout();
  }
}

describe('queued flag changes after the server renumbered the folder', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  let imapPort: number;
  const folder = 'Renumbered';
  const bob = () => lab.users[1]!;

  beforeAll(async () => {
    lab = await startLab();
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, bob()))).id;
    imapPort = lab.ports.imaps;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  /** The account's server stops answering (a closed port), as when the laptop is offline. */
  async function goOffline(): Promise<void> {
    const [closed] = await freePorts(1);
    wren.core.store.db.prepare('UPDATE accounts SET incoming_port = ? WHERE id = ?').run(closed, accountId);
    wren.core.sessions.closeAccount(accountId);
    // The sync's own connection too: the journal is replayed by syncs, started as soon as a change is made.
    wren.core.sync.dropConnection(accountId);
  }

  function goOnline(): void {
    wren.core.store.db.prepare('UPDATE accounts SET incoming_port = ? WHERE id = ?').run(imapPort, accountId);
  }

  /** Changes flags as the UI does, while offline: they are applied locally and queued. */
  async function changeOffline(subjects: string[], change: { seen?: boolean; flagged?: boolean }): Promise<void> {
    const folderId = wren.core.store.folders.list(accountId).find((f) => f.path === folder)!.id;
    const items = wren.core.store.messages.page(folderId, 0, 100).items;
    await goOffline();
    for (const subject of subjects) await wren.call('messages.setFlags', { messageId: items.find((m) => m.subject === subject)!.id, ...change });
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(subjects.length);
  }

  it('marks seen the three messages that were read, not the ones that took over their UIDs', async () => {
    await lab.seed(bob().email, folder, Array.from({ length: 8 }, (_, i) => simpleMessage(i + 1)));
    await wren.core.sync.run(accountId, false);
    const read = ['Seeded 2', 'Seeded 3', 'Seeded 7'];
    await changeOffline(read, { seen: true });

    await renumberReversed(lab, bob().email, folder);
    goOnline();
    await wren.core.sync.run(accountId, false);

    const remote = await serverFlags(lab, bob().email, folder);
    expect(remote.size).toBe(8);
    for (const [subject, flags] of remote) expect({ subject, seen: flags.includes('\\Seen') }).toEqual({ subject, seen: read.includes(subject) });
    const folderRecord = wren.core.store.folders.list(accountId).find((f) => f.path === folder)!;
    const local = wren.core.store.messages.page(folderRecord.id, 0, 100).items;
    expect(local.filter((m) => m.seen).map((m) => m.subject).sort()).toEqual(read);
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0);
  });

  it('drops, with a note, a change whose message is gone after the renumbering, instead of flagging another', async () => {
    const failed: Events['operation.failed'][] = [];
    const stop = wren.core.events.on('operation.failed', (event) => failed.push(event));
    await changeOffline(['Seeded 4'], { flagged: true });

    await renumberReversed(lab, bob().email, folder, ['Seeded 4']);
    goOnline();
    await wren.core.sync.run(accountId, false);

    const remote = await serverFlags(lab, bob().email, folder);
    expect(remote.size).toBe(7);
    expect([...remote.values()].some((flags) => flags.includes('\\Flagged'))).toBe(false);
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0);
    stop();
    expect(failed).toEqual([expect.objectContaining({ accountId, kind: 'flags', error: expect.objectContaining({ code: 'NotFound', details: { missing: ['<seeded-4@example.test>'] } }) })]);
  });
});
