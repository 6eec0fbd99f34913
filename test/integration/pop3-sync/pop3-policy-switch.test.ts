import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { startCore, type TestCore } from '../imap/lab-core';
import { labMessage, localMessageIds, pop3Draft } from './pop3-sync-lab';

let lab: Lab;
let test: TestCore;

beforeAll(async () => {
  lab = await startLab({ users: [{ email: 'switch@example.test', password: 'switch-pw' }] });
});
afterAll(async () => {
  await lab?.stop();
});
afterEach(async () => {
  await test?.dispose();
});

/** The message numbers (from their Message-IDs, <pop3-N@…>) the server's Inbox holds, read from its Maildir. */
function onServer(user: LabUser): number[] {
  const root = lab.maildir(user.email);
  const files = ['cur', 'new'].flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)));
  return files.map((file) => Number(/Message-ID: <pop3-(\d+)@/i.exec(readFileSync(file, 'latin1'))![1])).sort((a, b) => a - b);
}

describe('POP3: a new policy applies to deletes made after the switch (as in Thunderbird)', () => {
  it('deleted while left on the server: kept there after the switch to "delete when deleted here", and not downloaded again; deleted after it: gone', async () => {
    const user = lab.users.find((u) => u.email === 'switch@example.test')!;
    await lab.seed(user.email, 'INBOX', [1, 2, 3, 4, 5].map((n) => labMessage(n)));
    test = startCore();
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, user));
    const check = async () => (await test.call('sync.run', { accountId, bodies: false })).summaries[0]!.newMessages;
    expect(await check()).toBe(5);
    const [inbox] = await test.call('folders.list', { accountId });
    const idOf = async (n: number) => (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items.find((m) => m.subject === `POP3 message ${n}`)!.id;
    const one = await idOf(1);
    const two = await idOf(2);
    // Under "leave on the server": 1 in the Trash, 2 deleted for good.
    await test.call('messages.apply', { kind: 'delete', messageIds: [one, two] });
    await test.call('messages.apply', { kind: 'delete', messageIds: [two] });
    expect(await check()).toBe(0);
    expect(onServer(user)).toEqual([1, 2, 3, 4, 5]);

    await test.call('accounts.update', { accountId, pop3: { leave: 'deleteWhenDeleted', deleteAfterDays: null, maxMessageKb: null } });
    expect(await check()).toBe(0);
    expect(onServer(user)).toEqual([1, 2, 3, 4, 5]);
    expect(localMessageIds(test, accountId)).toEqual(['<pop3-1@example.test>', '<pop3-3@example.test>', '<pop3-4@example.test>', '<pop3-5@example.test>']);

    // Deleted after the switch: gone from the server at the next check.
    await test.call('messages.apply', { kind: 'delete', messageIds: [await idOf(3)] });
    expect(await check()).toBe(0);
    expect(onServer(user)).toEqual([1, 2, 4, 5]);

    // Taken out of the Trash and deleted again, now: that delete is under the new policy.
    await test.call('messages.apply', { kind: 'move', messageIds: [one], folderId: inbox!.id });
    expect(await check()).toBe(0);
    expect(onServer(user)).toEqual([1, 2, 4, 5]);
    await test.call('messages.apply', { kind: 'delete', messageIds: [one] });
    expect(await check()).toBe(0);
    expect(onServer(user)).toEqual([2, 4, 5]);
    expect(localMessageIds(test, accountId)).toEqual(['<pop3-1@example.test>', '<pop3-3@example.test>', '<pop3-4@example.test>', '<pop3-5@example.test>']);
  });
});
