import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { simpleMessage } from '../../lab/simple-message';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { command, fetching, selecting, startScriptedImap, type ScriptedImap } from '../../lab/scripted-imap';
import { labDraft, startCore, type TestCore } from './lab-core';

/**
 * The server misbehaves in ways a real one does (a NO to SELECT, BYE in the
 * middle of a FETCH, throttling, garbage): Dovecot behind a scripted relay
 * (test/lab/scripted-imap.ts) that answers chosen commands itself.
 */
describe('server faults: each has its own code, the journal keeps what is not applied, nothing stored is lost', () => {
  let lab: Lab;
  let imap: ScriptedImap;
  let wren: TestCore;
  let accountId: number;
  const statuses: Events['account.status'][] = [];
  const carol = () => lab.users[2]!;

  const folderOf = (path: string) => wren.core.store.folders.list(accountId).find((f) => f.path === path);
  const rows = (path: string) => wren.core.store.messages.page(folderOf(path)!.id, 0, 1000).items;
  const serverFlags = async (path: string) => {
    const client = await connectImap(lab, carol().email);
    try {
      await client.mailboxOpen(path, { readOnly: true });
      return (await client.fetchAll('1:*', { uid: true, flags: true })).map((m) => [...m.flags!].sort());
    } finally {
      await client.logout();
    }
  };

  beforeAll(async () => {
    lab = await startLab();
    const to = carol().email;
    await lab.seed(to, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Inbox', to })));
    await lab.seed(to, 'Locked', [3].map((n) => simpleMessage(n, { subject: 'Locked', to })));
    await lab.seed(to, 'Open', [4].map((n) => simpleMessage(n, { subject: 'Open', to })));
    await lab.seed(to, 'Big', Array.from({ length: 40 }, (_, i) => simpleMessage(10 + i, { subject: 'Big', to })));
    imap = await startScriptedImap(lab.ports.imap);
    wren = startCore();
    wren.core.events.on('account.status', (status) => statuses.push(status));
    const draft = labDraft(lab, carol());
    accountId = (await wren.call('accounts.add', {
      ...draft, smtp: null, allowPlaintext: true, trustedCertSha256: undefined, incoming: { ...draft.incoming, port: imap.port, security: 'none' },
    })).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await imap?.close();
    await lab?.stop();
  });

  it('a NO to SELECT: that folder is reported with the server\'s words, the others sync', async () => {
    imap.script({ when: selecting(/Big/), action: { delayMs: 300 } }); // a slow answer changes nothing
    imap.script({ when: selecting(/Locked/), action: { reply: ['{tag} NO [NOPERM] Permission denied to this folder'] } });
    const summary = await wren.core.sync.run(accountId, false);
    expect(summary.folderErrors).toEqual([
      { path: 'Locked', error: expect.objectContaining({ code: 'ServerSaid', details: expect.objectContaining({ folder: 'Locked', serverText: 'Permission denied to this folder' }) }) },
    ]);
    expect(rows('INBOX')).toHaveLength(2);
    expect(rows('Open')).toHaveLength(1);
    expect(rows('Big')).toHaveLength(40);
    expect(rows('Locked')).toHaveLength(0);
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'idle', folderErrors: [expect.objectContaining({ path: 'Locked' })] });
    // Refused once only: the next sync takes it.
    const again = await wren.core.sync.run(accountId, false);
    expect(again.folderErrors).toBeUndefined();
    expect(rows('Locked')).toHaveLength(1);
  });

  it('BYE in the middle of a FETCH: a lost connection (offline, retried), nothing stored half, the next sync completes', async () => {
    const client = await connectImap(lab, carol().email);
    await client.mailboxOpen('Big');
    await client.messageDelete('1:*'); // the cache already holds these 40: the new ones are fetched anew
    await client.logout();
    await lab.seed(carol().email, 'Big', Array.from({ length: 40 }, (_, i) => simpleMessage(100 + i, { subject: 'Again', to: carol().email })));
    imap.script({ when: fetching(/HEADER\.FIELDS/i), action: { byeAfter: 12, text: 'Server shutting down (scripted)' } });
    await expect(wren.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'ConnectionLost' });
    expect(wren.core.status.get(accountId).state).toBe('offline');
    const partial = rows('Big');
    expect(partial.every((m) => m.subject.startsWith('Again') || m.subject.startsWith('Big'))).toBe(true);
    await wren.core.sync.run(accountId, false);
    const subjects = rows('Big').map((m) => m.subject);
    expect(subjects).toHaveLength(40);
    expect(new Set(subjects).size).toBe(40);
    expect(subjects.every((s) => s.startsWith('Again'))).toBe(true);
  });

  it('a throttled STORE (Gmail\'s [THROTTLED]): ServerThrottled, not offline; the change stays journaled and is sent later', async () => {
    const [message] = rows('Open');
    imap.script({ when: command('UID STORE'), action: { reply: ['{tag} NO [THROTTLED] Account exceeded command or bandwidth limits. (Failure)'] } });
    const failed: Events['operation.failed'][] = [];
    const off = wren.core.events.on('operation.failed', (event) => failed.push(event));
    await wren.call('messages.apply', { kind: 'flags', messageIds: [message!.id], add: ['\\Flagged'], remove: [] });
    await expect(wren.core.sync.replay(accountId)).rejects.toMatchObject({ code: 'ServerThrottled', details: expect.objectContaining({ responseCode: 'THROTTLED' }) });
    expect(wren.core.status.get(accountId).state).not.toBe('offline');
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(1);
    expect(await serverFlags('Open')).toEqual([[]]);
    await wren.core.sync.run(accountId, false);
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0);
    expect(failed).toEqual([]);
    expect(await serverFlags('Open')).toEqual([['\\Flagged']]);
    off();
  });

  it('a STORE refused with RFC 5530 [UNAVAILABLE] (a server subsystem down for now): ServerTemporary, not a refusal; the change stays journaled and is sent later', async () => {
    const [message] = rows('Open');
    imap.script({ when: command('UID STORE'), action: { reply: ['{tag} NO [UNAVAILABLE] Mailbox backend unavailable, try again later'] } });
    const failed: Events['operation.failed'][] = [];
    const off = wren.core.events.on('operation.failed', (event) => failed.push(event));
    await wren.call('messages.apply', { kind: 'flags', messageIds: [message!.id], add: ['\\Seen'], remove: [] });
    await expect(wren.core.sync.replay(accountId)).rejects.toMatchObject({ code: 'ServerTemporary', details: expect.objectContaining({ responseCode: 'UNAVAILABLE' }) });
    expect(wren.core.status.get(accountId).state).not.toBe('offline');
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(1);
    expect(failed).toEqual([]);
    await wren.core.sync.run(accountId, false);
    expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0);
    expect(failed).toEqual([]);
    expect(await serverFlags('Open')).toEqual([['\\Flagged', '\\Seen']]);
    off();
  });

  it('Microsoft 365\'s "Request is throttled" to SELECT ends the sync as ServerThrottled with the suggested wait, not as a refused folder', async () => {
    imap.script({ when: selecting(/Open/), action: { reply: ['{tag} BAD Request is throttled. Suggested Backoff Time: 150 milliseconds'] } });
    const failure = await wren.core.sync.run(accountId, false).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ServerThrottled', details: expect.objectContaining({ retryAfterMs: 150 }) });
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'error', error: expect.objectContaining({ code: 'ServerThrottled' }) });
    expect(rows('Open')).toHaveLength(1);
  });

  it('a NO [UNAVAILABLE] to SELECT ends the sync as ServerTemporary (tried again later), not as a folder refused and skipped', async () => {
    imap.script({ when: selecting(/Open/), action: { reply: ['{tag} NO [UNAVAILABLE] Internal error occurred. Refer to server log for more information.'] } });
    const failure = await wren.core.sync.run(accountId, false).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ServerTemporary', details: expect.objectContaining({ responseCode: 'UNAVAILABLE' }) });
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'error', error: expect.objectContaining({ code: 'ServerTemporary' }) });
    expect(rows('Open')).toHaveLength(1);
  });

  it('a move into a folder over quota (RFC 5530 [OVERQUOTA]): ServerOverQuota, not a bare refusal; the message stays where the server has it', async () => {
    const [message] = rows('INBOX');
    const subject = message!.subject;
    imap.script({ when: (c) => c.name === 'UID MOVE' || c.name === 'UID COPY', action: { reply: ['{tag} NO [OVERQUOTA] Quota exceeded (mailbox for user is full)'] } });
    const failed: Events['operation.failed'][] = [];
    const off = wren.core.events.on('operation.failed', (event) => failed.push(event));
    await wren.call('messages.apply', { kind: 'move', messageIds: [message!.id], folderId: folderOf('Locked')!.id });
    await wren.core.sync.run(accountId, false);
    expect(failed).toEqual([expect.objectContaining({ kind: 'move', error: expect.objectContaining({ code: 'ServerOverQuota', details: expect.objectContaining({ responseCode: 'OVERQUOTA' }) }) })]);
    expect(wren.core.status.get(accountId).state).not.toBe('offline');
    expect(rows('INBOX').map((m) => m.subject)).toContain(subject);
    expect(rows('Locked').map((m) => m.subject)).not.toContain(subject);
    off();
  });

  it('a header FETCH throttled by Microsoft 365 ("Request is throttled") is asked again after the wait: the new mail arrives, the sync ends well', async () => {
    await lab.seed(carol().email, 'Open', [simpleMessage(90, { subject: 'After the throttle', to: carol().email })]);
    imap.script({ when: fetching(/HEADER\.FIELDS/), action: { reply: ['{tag} BAD Request is throttled. Suggested Backoff Time: 50 milliseconds'] } });
    const seen = imap.seen.length;
    await wren.core.sync.run(accountId, false);
    expect(imap.seen.slice(seen).filter((line) => /FETCH .*HEADER\.FIELDS/.test(line))).toHaveLength(2);
    expect(rows('Open').map((m) => m.subject)).toContain('After the throttle 90');
    expect(wren.core.status.get(accountId).state).toBe('idle');
  });

  /**
   * A server that breaks IMAP is its own fault, not the network's: a core that retries on a timer (as the app
   * does) keeps the account in error with no retry, where a line cut under it is offline and retried.
   */
  describe('a server that breaks IMAP (imapflow cannot read its answer): ServerProtocolError, not offline', () => {
    let relay: ScriptedImap;
    let app: TestCore;
    let id: number;
    const inbox = () => app.core.store.messages.page(app.core.store.folders.list(id).find((f) => f.path === 'INBOX')!.id, 0, 1000).items;
    const logins = () => relay.seen.filter((line) => /^(LOGIN|AUTHENTICATE) /.test(line)).length;
    const expectErrorWithoutRetry = (failure: unknown) => {
      expect(failure).toMatchObject({ code: 'ServerProtocolError', details: expect.objectContaining({ host: lab.host, port: relay.port, protocol: 'imap' }) });
      expect(app.core.status.get(id)).toMatchObject({ state: 'error', error: expect.objectContaining({ code: 'ServerProtocolError' }), retryAt: null });
      expect(app.core.sync.hasTimer(id)).toBe(false);
    };

    beforeAll(async () => {
      relay = await startScriptedImap(lab.ports.imap);
      app = startCore({ syncIntervalMs: 3_600_000 }); // retries on a timer; the next check is an hour away
      const draft = labDraft(lab, carol());
      id = (await app.call('accounts.add', {
        ...draft, smtp: null, allowPlaintext: true, trustedCertSha256: undefined, incoming: { ...draft.incoming, port: relay.port, security: 'none' },
      })).id;
      await app.core.sync.run(id, false);
    });
    afterAll(async () => {
      await app?.dispose();
      await relay?.close();
    });

    it('a literal of 100 GB announced for an answer: imapflow fails the connection, the first cause is kept over its close; no retry, the cache untouched', async () => {
      const cached = inbox().length;
      relay.script({ when: selecting(/INBOX/), action: { garbage: Buffer.from('* 1 FETCH (UID 1 BODY[] {99999999999}\r\n\u0000\u00ff\u00fe)(}{\r\n', 'latin1') } });
      const failure = await app.core.sync.run(id, false).catch((error: unknown) => error);
      expectErrorWithoutRetry(failure);
      expect(failure).toMatchObject({ details: expect.objectContaining({ cause: 'LiteralTooLarge' }), message: expect.stringContaining('99999999999') });
      expect(inbox()).toHaveLength(cached);
      await app.core.sync.run(id, false);
      expect(app.core.status.get(id).state).toBe('idle');
      expect(inbox()).toHaveLength(cached);
    });

    it('a completion the parser cannot read: the server\'s text in serverText, and that connection is not used again', async () => {
      relay.script({ when: selecting(/INBOX/), action: { reply: ['{tag} OK [READ-ONLY)( Examine completed'] } });
      const before = logins();
      const failure = await app.core.sync.run(id, false).catch((error: unknown) => error);
      expectErrorWithoutRetry(failure);
      expect(failure).toMatchObject({ details: expect.objectContaining({ serverText: '[READ-ONLY)( Examine completed' }) });
      await app.core.sync.run(id, false);
      expect(logins()).toBe(before + 1);
      expect(app.core.status.get(id).state).toBe('idle');
    });

    it('a STORE answered with an unreadable line: not taken for done, the change stays journaled and is sent by the next sync', async () => {
      const [message] = inbox();
      relay.script({ when: command('UID STORE'), action: { reply: ['{tag} OK [MODIFIED)( Store completed'] } });
      await app.call('messages.apply', { kind: 'flags', messageIds: [message!.id], add: ['\\Answered'], remove: [] });
      await expect(app.core.sync.replay(id)).rejects.toMatchObject({ code: 'ServerProtocolError', details: expect.objectContaining({ serverText: '[MODIFIED)( Store completed' }) });
      expect(app.core.status.get(id)).toMatchObject({ state: 'error', retryAt: null });
      expect(app.core.store.operations.countUnfinished(id)).toBe(1);
      await app.core.sync.run(id, false);
      expect(app.core.store.operations.countUnfinished(id)).toBe(0);
      const client = await connectImap(lab, carol().email);
      try {
        await client.mailboxOpen('INBOX', { readOnly: true });
        const [row] = await client.fetchAll(String(message!.uid), { uid: true, flags: true }, { uid: true });
        expect([...row!.flags!]).toContain('\\Answered');
      } finally {
        await client.logout();
      }
    });

    it('a line cut while a command waits (no garbage, no BYE) is still ConnectionLost: offline, retried on the backoff', async () => {
      relay.script({ when: selecting(/INBOX/), action: { delayMs: 10_000 } });
      const seen = relay.seen.length;
      const sync = app.core.sync.run(id, false).catch((error: unknown) => error);
      await vi.waitFor(() => expect(relay.seen.slice(seen).some((line) => /^(SELECT|EXAMINE) .*INBOX/.test(line))).toBe(true), { timeout: 10_000, interval: 20 });
      relay.cutAll();
      expect(await sync).toMatchObject({ code: 'ConnectionLost' });
      expect(app.core.status.get(id)).toMatchObject({ state: 'offline', retryAt: expect.any(Number) });
      expect(app.core.sync.hasTimer(id)).toBe(true);
      await app.core.sync.run(id, false); // clears the retry: nothing syncs behind the next test's back
      expect(app.core.status.get(id).state).toBe('idle');
    });
  });
});
