import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { connectImap, doveadm, startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { submitMail } from '../../lab/submit-mail';
import { startTcpProxy } from '../../lab/tcp-proxy';

/** Generous: this says "it arrives without anyone syncing", not how fast (that is the bench's). */
const ARRIVAL_WAIT_MS = 30_000;
/** The first offline retry comes after 15 s (sync-service.ts); this leaves room for a slow machine. */
const RETRY_WAIT_MS = 60_000;

/** Push on the Inbox in the app's arrangement: IDLE in the sync worker, events relayed to the main thread. */
describe('push (IDLE) on the Inbox', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const arrivals: Events['mail.new'][] = [];

  function nextArrival(subject: string, waitMs = ARRIVAL_WAIT_MS): Promise<Events['mail.new']> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no mail.new for "${subject}"`)), waitMs);
      const off = wren.core.events.on('mail.new', (event) => {
        if (!event.messages.some((m) => m.subject === subject)) return;
        clearTimeout(timer);
        off();
        resolve(event);
      });
    });
  }

  async function until(check: () => boolean, what: string, waitMs = ARRIVAL_WAIT_MS): Promise<void> {
    const end = Date.now() + waitMs;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function untilAsync(check: () => Promise<boolean>, what: string): Promise<void> {
    const end = Date.now() + ARRIVAL_WAIT_MS;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const inbox = () => wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
  const inboxSubjects = () => wren.core.store.messages.page(inbox().id, 0, 100).items.map((m) => m.subject);

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Old', to: lab.users[0]!.email })));
    wren = startCore({ syncWorkerPath: resolve('dist/main/sync-worker.cjs') });
    wren.core.events.on('mail.new', (event) => arrivals.push(event));
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('stays quiet on the first sync of an account: what is already there is not news', async () => {
    const summary = await wren.core.sync.watch(accountId);
    expect(summary.newMessages).toBe(3);
    expect(arrivals).toEqual([]);
  });

  it('announces a message submitted over SMTP, with sender and subject, and stores it without a sync being asked for', async () => {
    const arrived = nextArrival('Pushed one');
    await submitMail(lab, lab.users[1]!, lab.users[0]!, 'Pushed one');
    const event = await arrived;
    expect(event).toMatchObject({ accountId, folderId: inbox().id });
    expect(event.messages).toEqual([{ id: expect.any(Number), subject: 'Pushed one', from: { name: 'Sender', address: lab.users[1]!.email } }]);
    expect(inboxSubjects()).toContain('Pushed one');
    expect(wren.core.store.messages.get(event.messages[0]!.id)?.subject).toBe('Pushed one');
  });

  it('drops a message another session expunges, learnt from VANISHED (QRESYNC)', async () => {
    const other = await connectImap(lab, lab.users[0]!.email);
    let gone: number;
    try {
      await other.mailboxOpen('INBOX');
      const uids = (await other.search({ subject: 'Old' }, { uid: true })) || [];
      expect(uids.length).toBe(3);
      gone = uids[0]!;
      await other.messageDelete(String(gone), { uid: true });
    } finally {
      await other.logout();
    }
    await until(() => !wren.core.store.messages.uids(inbox().id).includes(gone), 'the expunged message leaves the store');
    expect(inboxSubjects().filter((s) => s.startsWith('Old ')).length).toBe(2);
    expect(arrivals.flatMap((e) => e.messages.map((m) => m.subject))).toEqual(['Pushed one']);
  });

  it('reconnects after the server drops the connection, and push works again', async () => {
    const states: string[] = [];
    const off = wren.core.events.on('account.status', (status) => states.push(status.state));
    await doveadm(lab, ['kick', lab.users[0]!.email]);
    // The lost push connection makes a sync at once (catching up), which starts push again.
    await until(() => states.join() === 'syncing,idle', 'a reconnecting sync');
    off();
    const arrived = nextArrival('After the drop');
    await submitMail(lab, lab.users[1]!, lab.users[0]!, 'After the drop');
    await arrived;
    expect(inboxSubjects()).toContain('After the drop');
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'idle', error: null });
  });

  it('is offline while the server is gone, retrying with the backoff, and pushes again once it is back', async () => {
    const bob = lab.users[1]!;
    const proxy = await startTcpProxy(lab.ports.imaps);
    const bobId = (await wren.call('accounts.add', labDraft(lab, bob, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: bob.email } }))).id;
    await wren.core.sync.watch(bobId);
    await proxy.close();
    await until(() => wren.core.status.get(bobId).state === 'offline', 'offline');
    expect(wren.core.status.get(bobId)).toMatchObject({ error: { code: 'ConnectionRefused' }, retryAt: expect.any(Number) });
    const back = await startTcpProxy(lab.ports.imaps, lab.host, proxy.port);
    try {
      await until(() => wren.core.status.get(bobId).state === 'idle', 'back online after the retry', RETRY_WAIT_MS);
      const arrived = nextArrival('Back again');
      await submitMail(lab, lab.users[2]!, bob, 'Back again');
      expect((await arrived).accountId).toBe(bobId);
    } finally {
      await back.close();
    }
  }, RETRY_WAIT_MS + 2 * ARRIVAL_WAIT_MS);

  it('ends push when the account is removed: the server sees no connection of it any more', async () => {
    const carol = lab.users[2]!;
    const carolId = (await wren.call('accounts.add', labDraft(lab, carol))).id;
    await wren.core.sync.watch(carolId);
    /** Carol's IMAP connections as Dovecot counts them ("user  N  imap  (pids) (ips)"). */
    const connections = async () => Number(/^\S+\s+(\d+)\s+imap/m.exec(await doveadm(lab, ['who', carol.email]))?.[1] ?? 0);
    await untilAsync(async () => (await connections()) === 2, 'the sync connection and the push connection');
    await wren.call('accounts.remove', { accountId: carolId });
    await untilAsync(async () => (await connections()) === 0, 'no connection of the removed account');
  });
});
