import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WrenError } from '../../../src-main/errors/wren-error';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { Pop3Error } from '../../../src-main/pop3/pop3-error';
import { startLab, type Lab } from '../../lab/lab';
import { startCore } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';
import { labMessage, pop3Options } from './pop3-lab';

let lab: Lab;

beforeAll(async () => {
  // Dovecot then holds the maildrop's lock for a whole POP3 session, as RFC 1939 servers do.
  lab = await startLab({ pop3LockSession: true });
});
afterAll(async () => {
  await lab?.stop();
});

describe('POP3 maildrop held by another session', () => {
  // Dovecot waits ~10 s for the lock (not configurable) before it answers [IN-USE].
  it('a second login is refused with Pop3InUse ([IN-USE]) until the first session ends', async () => {
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [labMessage(1)]);
    const holder = await openPop3(pop3Options(lab, alice));
    try {
      const error = (await openPop3(pop3Options(lab, alice)).catch((e: unknown) => e)) as WrenError;
      expect(error).toBeInstanceOf(Pop3Error);
      expect(error.code).toBe('Pop3InUse');
      expect(error.details).toMatchObject({ responseCode: 'IN-USE' });
      expect((await holder.stat()).count).toBe(1);
    } finally {
      await holder.quit();
    }
    const later = await openPop3(pop3Options(lab, alice));
    expect((await later.stat()).count).toBe(1);
    await later.quit();
  });

  // A check of the app running (or the phone's) holds the maildrop; opening a partial message must not fail for it.
  it('a partial message opened while another session holds the maildrop opens as it is, partial, and completes later', async () => {
    const bob = lab.users[1]!;
    const body = `${'A line of a long message body, repeated to pass the size limit.\r\n'.repeat(600)}`;
    await lab.seed(bob.email, 'INBOX', [labMessage(1, body)]);
    const test = startCore();
    try {
      const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, bob, { maxMessageKb: 20 }));
      await test.call('sync.run', { accountId, bodies: false });
      const [inbox] = await test.call('folders.list', { accountId });
      const [item] = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;
      const holder = await openPop3(pop3Options(lab, bob));
      try {
        const opened = await test.call('messages.read', { messageId: item!.id, markSeen: false });
        expect(opened.partial).toBe(true);
        expect(opened.warnings).toContain('wren:PartialDownload');
      } finally {
        await holder.quit();
      }
      const later = await test.call('messages.read', { messageId: item!.id, markSeen: false });
      expect(later.partial).toBeUndefined();
      expect(later.text?.split('A line of a long message body').length).toBe(601);
    } finally {
      await test.dispose();
    }
  }, 60_000);

  // The phone checks at the moment the app's scheduled check logs in: the app must check again later, on its own.
  it('a background check refused with [IN-USE] is tried again on a timer, not left failed until the user syncs by hand', async () => {
    const carol = lab.users[2]!;
    await lab.seed(carol.email, 'INBOX', [labMessage(1)]);
    const test = startCore({ syncIntervalMs: 60 * 60_000 });
    try {
      const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, carol));
      const holder = await openPop3(pop3Options(lab, carol));
      try {
        await expect(test.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'Pop3InUse' });
      } finally {
        await holder.quit();
      }
      const status = test.core.status.get(accountId);
      expect(status).toMatchObject({ state: 'error', error: expect.objectContaining({ code: 'Pop3InUse' }) });
      expect(status.retryAt ?? 0).toBeGreaterThan(Date.now());
      expect(test.core.sync.hasTimer(accountId)).toBe(true);
    } finally {
      await test.dispose();
    }
  }, 60_000);
});
