import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { seedInboxFiles } from '../../lab/seed-inbox-files';
import { simpleMessage } from '../../lab/simple-message';
import type { Events } from '../../../src-main/ipc/contract';
import { HEADER_BATCH } from '../../../src-main/sync/sync-folder';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** Enough batches that other sessions' changes land while a header FETCH is running. */
const TOTAL = HEADER_BATCH * 6;
/** Opening a message takes longer (its folder is selected and its body fetched first), so more batches. */
const CLICK_TOTAL = HEADER_BATCH * 18;

function inboxOf(wren: TestCore, accountId: number) {
  return wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
}

function rowsWithoutUid(wren: TestCore, folderId: number): number {
  return wren.core.store.db.prepare('SELECT count(*) FROM messages WHERE folder_id = ? AND uid IS NULL').pluck().get(folderId) as number;
}

function storedRows(wren: TestCore, folderId: number): number {
  return wren.core.store.db.prepare('SELECT count(*) FROM messages WHERE folder_id = ?').pluck().get(folderId) as number;
}

/** UIDs of the messages stored so far, newest first (the order the first sync fetches them). */
function storedUids(wren: TestCore, folderId: number): number[] {
  return [...wren.core.store.messages.uids(folderId)].reverse();
}

/**
 * Runs the first sync and calls `during` after each committed header batch
 * but the last, while the sync goes on fetching the next one.
 */
async function syncWhile(wren: TestCore, accountId: number, during: (done: number) => Promise<void>): Promise<void> {
  const work: Array<Promise<void>> = [];
  const off = wren.core.events.on('sync.progress', (p: Events['sync.progress']) => {
    if (p.phase === 'headers' && p.folderPath === 'INBOX' && p.done > 0 && p.done < p.total - HEADER_BATCH) work.push(during(p.done));
  });
  try {
    await wren.core.sync.run(accountId, false);
  } finally {
    off();
  }
  await Promise.all(work);
}

describe('changes made elsewhere during the first sync of a large folder', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    for (const user of lab.users) await seedInboxFiles(lab, user.email, Array.from({ length: user === lab.users[2] ? CLICK_TOTAL : TOTAL }, (_, i) => simpleMessage(i + 1, { to: user.email })));
    wren = startCore();
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('another session marking 40 messages read leaves exactly the server\'s messages, each with its UID and flags', async () => {
    const bob = lab.users[1]!;
    const accountId = (await wren.call('accounts.add', labDraft(lab, bob))).id;
    const other: ImapFlow = await connectImap(lab, bob.email);
    await other.mailboxOpen('INBOX');
    const marked: number[] = [];
    let queue = Promise.resolve();
    try {
      await syncWhile(wren, accountId, () => {
        // Ten already stored messages per batch, each read in its own STORE, one after the other.
        queue = queue.then(async () => {
          const candidates = storedUids(wren, inboxOf(wren, accountId).id).filter((uid) => !marked.includes(uid));
          for (const uid of candidates.slice(0, Math.min(10, 40 - marked.length))) {
            await other.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            marked.push(uid);
          }
        });
        return queue;
      });
    } finally {
      await other.logout();
    }
    expect(marked).toHaveLength(40);
    const inbox = inboxOf(wren, accountId);
    expect(rowsWithoutUid(wren, inbox.id)).toBe(0);
    expect(storedRows(wren, inbox.id)).toBe(TOTAL);
    expect(inbox.total).toBe(TOTAL);

    // The reads made while the sync ran reach the cache with the next one.
    await wren.core.sync.run(accountId, false);
    const seen = wren.core.store.db.prepare('SELECT uid FROM messages WHERE folder_id = ? AND seen = 1 ORDER BY uid').pluck().all(inbox.id);
    expect(seen).toEqual([...marked].sort((a, b) => a - b));
  });

  it('opening messages during the first sync adds no row', async () => {
    const carol = lab.users[2]!;
    const accountId = (await wren.call('accounts.add', labDraft(lab, carol))).id;
    // The reading connection is open already, as in an app that has been running a while.
    await wren.core.sessions.use(accountId, 'read', async () => undefined);
    const opened: number[] = [];
    await syncWhile(wren, accountId, async (done) => {
      if (done > 2 * HEADER_BATCH) return; // two clicks, early enough that their \Seen reaches the server mid-sync
      const inbox = inboxOf(wren, accountId);
      const next = wren.core.store.messages.page(inbox.id, opened.length, 1).items[0]!;
      opened.push(next.id);
      const view = await wren.call('messages.read', { messageId: next.id });
      expect(view.text).toContain(`Body ${next.subject.split(' ')[1]}`);
      // Opening marks it read on the server in the background, over the reading connection.
      await vi.waitFor(() => expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0), { timeout: 30_000 });
    });
    expect(opened).toHaveLength(2);
    const inbox = inboxOf(wren, accountId);
    expect(rowsWithoutUid(wren, inbox.id)).toBe(0);
    expect(storedRows(wren, inbox.id)).toBe(CLICK_TOTAL);
    expect(inbox.total).toBe(CLICK_TOTAL);
  }, 180_000);

  it('the next sync removes rows without a UID that an earlier version stored', async () => {
    const alice = lab.users[0]!;
    const accountId = (await wren.call('accounts.add', labDraft(lab, alice))).id;
    await wren.core.sync.run(accountId, false);
    const inbox = inboxOf(wren, accountId);
    // What the unsolicited FETCH rows used to become: no UID, no subject, date 0.
    const ghost = { uid: null, uidl: null, messageId: null, inReplyTo: null, threadRoot: null, subject: '', from: { name: '', address: '' }, to: [], cc: [],
      date: null, internalDate: null, size: 0, flags: ['\\Seen'], hasAttachments: false, structure: null, modseq: 7 };
    wren.core.store.write(() => wren.core.store.messages.insertHeaders(inbox.id, [ghost, ghost, ghost]));
    expect(inboxOf(wren, accountId).total).toBe(TOTAL + 3);

    const summary = await wren.core.sync.run(accountId, false);
    expect(summary.removedMessages).toBe(3);
    expect(rowsWithoutUid(wren, inbox.id)).toBe(0);
    expect(inboxOf(wren, accountId).total).toBe(TOTAL);
    expect(storedRows(wren, inbox.id)).toBe(TOTAL);
  });
});
