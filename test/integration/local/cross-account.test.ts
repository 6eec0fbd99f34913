import { beforeAll, describe, expect, it, vi } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { undoOperation } from '../../../src-main/journal/undo-operation';
import { replayJournal } from '../../../src-main/sync/replay-journal';
import { labDraft } from '../imap/lab-core';
import { JournalFixture, journalLab, messageIdOf, onServer, subjects } from '../journal/journal-lab';
import { serverSources } from './local-lab';

describe('moves and copies between two IMAP accounts (APPEND there, then EXPUNGE here), against Dovecot', () => {
  const f = journalLab();
  let alice: JournalFixture;

  beforeAll(async () => {
    const user = f.lab.users[0]!;
    alice = new JournalFixture({ lab: f.lab, wren: f.wren, accountId: (await f.wren.call('accounts.add', labDraft(f.lab, user))).id, user: user.email });
  });

  async function settledBoth(): Promise<void> {
    // The APPEND journals the EXPUNGE on the other account once it succeeded: wait for both journals to empty.
    await vi.waitFor(async () => {
      await f.settled();
      await alice.settled();
      expect(f.wren.core.store.operations.countUnfinished(f.accountId) + f.wren.core.store.operations.countUnfinished(alice.accountId)).toBe(0);
    }, { timeout: 30_000 });
  }

  it('moves a message from Bob to Alice: Alice has it once, flags kept, Bob has it no more', async () => {
    const seeded = await f.seed('Outgoing', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.wren.call('messages.apply', { kind: 'flags', messageIds: [ids[0]!], add: ['\\Flagged'], remove: [] });
    await alice.seed('Incoming', 1);
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [ids[0]!], folderId: alice.folderId('Incoming') });
    await settledBoth();
    expect(subjects(await onServer(f.lab, f.user, 'Outgoing'))).toEqual([names[1]]);
    const arrived = (await serverSources(f.lab, alice.user, 'Incoming')).filter((m) => m.messageId === messageIdOf(names[0]!));
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.flags).toContain('\\Flagged');
    expect(alice.local('Incoming').find((m) => m.id === ids[0])?.uid).toBe(arrived[0]!.uid);
    expect(f.failed).toEqual([]);
  });

  it('copies a message from Bob to Alice, leaving Bob’s', async () => {
    const [name, id] = [...(await f.seed('Shared', 1))][0]!;
    await alice.seed('CopiedIn', 1);
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: alice.folderId('CopiedIn') });
    await settledBoth();
    expect(subjects(await onServer(f.lab, f.user, 'Shared'))).toEqual([name]);
    expect((await serverSources(f.lab, alice.user, 'CopiedIn')).filter((m) => m.messageId === messageIdOf(name))).toHaveLength(1);
  });

  it('undoes a copy from Bob to Alice once it reached Alice’s server: Alice’s copy is deleted, Bob’s message stays', async () => {
    const [name, id] = [...(await f.seed('SharedBack', 1))][0]!;
    await alice.seed('CopiedBack', 1);
    const before = await onServer(f.lab, alice.user, 'CopiedBack');
    const receipt = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: alice.folderId('CopiedBack') });
    expect(receipt.undoable).toBe(true);
    await settledBoth();
    expect(subjects(await onServer(f.lab, alice.user, 'CopiedBack'))).toContain(name);

    await f.wren.call('operations.undo', { operationId: receipt.operationId });
    expect(subjects(alice.local('CopiedBack'))).toEqual(subjects(before));
    await settledBoth();
    expect(await onServer(f.lab, alice.user, 'CopiedBack')).toEqual(before);
    expect(subjects(await onServer(f.lab, f.user, 'SharedBack'))).toEqual([name]);
    expect([...f.failed, ...alice.failed]).toEqual([]);
  });

  it('undoes a copy of two messages to Alice while its APPEND is under way: the second still goes, then both are deleted, no failure said', async () => {
    const seeded = await f.seed('SharedMidway', 2);
    await alice.seed('CopiedMidway', 1);
    const before = await onServer(f.lab, alice.user, 'CopiedMidway');
    const store = f.wren.core.store;
    for (const id of seeded.values()) await f.wren.core.operations.cacheSource(id); // as messages.apply does first
    // Stored as the UI does, without the core's own replay: the replay below is the one the Undo meets.
    const { operationId } = applyOperation(store, { kind: 'copy', messageIds: [...seeded.values()], folderId: alice.folderId('CopiedMidway') });
    await f.wren.core.sessions.use(alice.accountId, 'read', async (client) => {
      const append = client.append.bind(client);
      client.append = async (...args: Parameters<typeof append>) => {
        const appended = await append(...args);
        if (store.operations.get(operationId)?.undoable) undoOperation(store, operationId); // the user's Undo, after the first APPEND
        return appended;
      };
      try {
        await replayJournal(client, store, alice.accountId);
      } finally {
        client.append = append;
      }
    });
    await f.wren.core.sync.run(alice.accountId, false); // the Undo's delete (undoOperation asks no replay of its own)
    await settledBoth();
    expect(await onServer(f.lab, alice.user, 'CopiedMidway')).toEqual(before);
    expect(subjects(await onServer(f.lab, f.user, 'SharedMidway'))).toEqual([...seeded.keys()]);
    expect([...f.failed, ...alice.failed]).toEqual([]);
  });
});
