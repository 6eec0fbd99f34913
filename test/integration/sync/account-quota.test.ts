import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreChange } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import { padded, simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';

const QUOTA_BYTES = 1024 * 1024;
const QUOTA_MESSAGES = 40;

/**
 * Dovecot's quota plugin (1 MB and 40 messages a user) with its IMAP commands: each sync, run by the
 * sync worker as in the app, reads the Inbox's quota root and the accounts' list shows it.
 */
describe('the account quota a sync reads from the server', () => {
  let lab: Lab;
  let wren: TestCore;
  const bob = () => lab.users[1]!;
  const quotaOf = async (accountId: number) => (await wren.call('accounts.list', {})).find((a) => a.id === accountId)!.quota;

  beforeAll(async () => {
    lab = await startLab({ quota: '1M', quotaMessages: QUOTA_MESSAGES });
    await lab.seed(bob().email, 'INBOX', Array.from({ length: 3 }, (_, i) => simpleMessage(i + 1, { subject: 'In the Inbox', to: bob().email })));
    await lab.seed(bob().email, 'Projects', [padded(simpleMessage(4, { subject: 'Elsewhere', to: bob().email }), 20_000)]);
    wren = startCore({ syncWorkerPath: resolve('dist/main/sync-worker.cjs') });
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('counts the whole account (every folder), storage in bytes and messages, and follows new mail', async () => {
    const accountId = (await wren.call('accounts.add', labDraft(lab, bob()))).id;
    await wren.call('sync.run', { accountId });
    const first = await quotaOf(accountId);
    expect(first).toMatchObject({ storage: { limit: QUOTA_BYTES }, messages: { used: 4, limit: QUOTA_MESSAGES } });
    // Dovecot counts storage in whole kilobytes: the 20 KB message is most of it.
    expect(first!.storage!.used).toBeGreaterThanOrEqual(20 * 1024);
    expect(first!.storage!.used).toBeLessThan(40 * 1024);

    const announced: StoreChange[] = [];
    const off = wren.core.events.on('store.changed', ({ changes }) => announced.push(...changes.filter((c) => c.entity === 'accounts')));
    await lab.seed(bob().email, 'INBOX', [padded(simpleMessage(5, { subject: 'Later', to: bob().email }), 30_000)]);
    await wren.call('sync.run', { accountId });
    off();
    const second = await quotaOf(accountId);
    expect(second!.messages).toEqual({ used: 5, limit: QUOTA_MESSAGES });
    expect(second!.storage!.used - first!.storage!.used).toBeGreaterThanOrEqual(30 * 1024);
    expect(second!.checkedAt).toBeGreaterThanOrEqual(first!.checkedAt);
    // The window reloads its accounts on this (from the worker's store, relayed).
    expect(announced).toContainEqual({ entity: 'accounts', ids: [accountId] });
  }, 60_000);

  it('new mail pushed to the Inbox (IDLE) moves it without a full sync', async () => {
    const accountId = (await wren.call('accounts.list', {}))[0]!.id;
    await wren.core.sync.watch(accountId);
    await lab.seed(bob().email, 'INBOX', [simpleMessage(6, { subject: 'Pushed', to: bob().email })]);
    const end = Date.now() + 30_000;
    while ((await quotaOf(accountId))!.messages!.used !== 6) {
      if (Date.now() > end) throw new Error('the quota never followed the pushed message');
      await new Promise((r) => setTimeout(r, 100));
    }
    wren.core.sync.unwatch(accountId);
  }, 60_000);

  it('`wren account list` says it after `wren sync`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wren-cli-quota-'));
    const wrenCli = (args: string[]) =>
      promisify(execFile)(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), WREN_PASSWORD: bob().password },
      });
    try {
      await wrenCli(['account', 'add', '--name', 'Bob', '--email', bob().email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
        '--trust-fingerprint', lab.certFingerprint256]);
      await wrenCli(['sync', 'Bob']);
      const { stdout } = await wrenCli(['account', 'list']);
      expect(stdout).toMatch(/\tquota: storage [4-6]\d KB of 1\.0 MB \(\d%\), 6 of 40 messages \(15%\)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a POP3 account of the same mailbox shows none: POP3 cannot ask', async () => {
    const accountId = (await wren.call('accounts.add', pop3Draft(lab, bob()))).id;
    await wren.call('sync.run', { accountId });
    expect(await quotaOf(accountId)).toBeNull();
  }, 60_000);
});

describe('a server without quotas', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    wren = startCore();
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('leaves the account without one', async () => {
    const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[1]!))).id;
    await wren.call('sync.run', { accountId });
    expect((await wren.call('accounts.list', {}))[0]!.quota).toBeNull();
  }, 60_000);
});
