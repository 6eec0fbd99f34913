import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPop3, type Pop3Client } from '../../../src-main/pop3/pop3-client';
import { Pop3Source } from '../../../src-main/sync/pop3-source';
import { syncAccount } from '../../../src-main/sync/sync-account';
import { connectImap } from '../../lab/imap-util';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { startCore, type TestCore } from '../imap/lab-core';
import { pop3Options } from '../pop3/pop3-lab';
import { labMessage, localMessageIds, pop3Draft, serverMessageCount } from './pop3-sync-lab';

let lab: Lab;
let test: TestCore;

beforeAll(async () => {
  lab = await startLab({ users: ['webmailer', 'pipeliner'].map((name) => ({ email: `${name}@example.test`, password: `${name}-pw` })) });
}, 120_000);
afterAll(async () => {
  await lab?.stop();
});
afterEach(async () => {
  await test?.dispose();
});

/** Another client (webmail, a phone over IMAP) deletes the message with this Message-ID for good. */
async function expungeElsewhere(owner: LabUser, messageId: string): Promise<void> {
  const imap = await connectImap(lab, owner.email);
  try {
    const lock = await imap.getMailboxLock('INBOX');
    try {
      const uids = await imap.search({ header: { 'message-id': messageId } }, { uid: true });
      expect(uids).toHaveLength(1);
      await imap.messageDelete(uids as number[], { uid: true });
    } finally {
      lock.release();
    }
  } finally {
    await imap.logout();
  }
}

/** A check as the sync worker runs it, the message with `doomedId` deleted by another client right after UIDL. */
async function checkWithExpungeAfterUidl(owner: LabUser, accountId: number, doomedId: string, pipelining: boolean) {
  const client = await openPop3(pop3Options(lab, owner));
  const racing: Pop3Client = Object.create(client) as Pop3Client;
  const capabilities = new Set([...client.capabilities].filter((capability) => pipelining || capability !== 'PIPELINING'));
  Object.defineProperty(racing, 'capabilities', { value: capabilities });
  racing.uidl = async () => {
    const listing = await client.uidl();
    await expungeElsewhere(owner, doomedId);
    return listing;
  };
  try {
    const source = new Pop3Source(racing, test.core.store, accountId, { policy: test.core.store.accounts.get(accountId)!.pop3 });
    const summary = await syncAccount(source, test.core.store, accountId, { bodies: false, onProgress: () => undefined });
    await client.quit();
    return { summary, warnings: source.warnings };
  } finally {
    client.close();
  }
}

describe('a message deleted by another client between UIDL and RETR', () => {
  for (const [name, user] of [['one at a time', 'webmailer'], ['pipelined', 'pipeliner']] as const) {
    it(`(${name}) is skipped: the check stores the others, applies the policy to them, and says so`, async () => {
      const owner = lab.users.find((u) => u.email === `${user}@example.test`)!;
      await lab.seed(owner.email, 'INBOX', [1, 2, 3, 4].map((n) => labMessage(n)));
      test = startCore();
      const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, owner, { leave: 'delete' }));

      const { summary, warnings } = await checkWithExpungeAfterUidl(owner, accountId, '<pop3-2@example.test>', name === 'pipelined');

      expect(summary.newMessages).toBe(3);
      expect(localMessageIds(test, accountId)).toEqual(['<pop3-1@example.test>', '<pop3-3@example.test>', '<pop3-4@example.test>']);
      expect(warnings).toContain('wren:Pop3MessagesRefused');
      expect(await serverMessageCount(lab, owner)).toBe(0);
    });
  }
});
