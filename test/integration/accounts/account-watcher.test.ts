import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import { readFixture } from '../../lab/fixtures';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const run = promisify(execFile);

/** Resolves with the first event payload that `accept` takes. */
function nextEvent<E extends keyof Events>(wren: TestCore, event: E, accept: (payload: Events[E]) => boolean): Promise<Events[E]> {
  return new Promise((resolve) => {
    const off = wren.core.events.on(event, (payload) => {
      if (!accept(payload)) return;
      off();
      resolve(payload);
    });
  });
}

describe('an account added by another process while the app runs', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[1]!.email, 'INBOX', [readFixture('plain-ascii'), readFixture('big5')]);
    // A running app: background syncs on (a long interval, so only the new account triggers one).
    wren = startCore({ syncIntervalMs: 60 * 60_000 });
    await wren.call('accounts.add', labDraft(lab, lab.users[0]!));
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('is announced to the UI and synced without a restart', async () => {
    const bob = lab.users[1]!;
    const announced = nextEvent(wren, 'store.changed', ({ changes }) => changes.some((change) => change.entity === 'accounts'));
    const synced = nextEvent(wren, 'account.status', (status) => status.accountId !== 1 && status.state === 'idle');

    // The CLI is another process with its own connection to the same database.
    const cli = await run(
      process.execPath,
      ['bin/wren.cjs', '--data-dir', wren.core.dataDir, 'account', 'add', '--name', 'Bob', '--email', bob.email,
        '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps), '--imap-security', 'tls', '--user', bob.email,
        '--trust-fingerprint', lab.certFingerprint256, '--json'],
      { env: { ...process.env, WREN_PASSWORD: bob.password, WREN_KEY_FILE: join(wren.dir, 'keys', 'secret.key') } },
    );
    const added = JSON.parse(cli.stdout) as { id: number };

    expect((await announced).changes).toContainEqual({ entity: 'accounts', ids: [added.id] });
    expect(await synced).toMatchObject({ accountId: added.id, state: 'idle', error: null });
    const inbox = wren.core.store.folders.list(added.id).find((folder) => folder.path === 'INBOX');
    expect(inbox?.total).toBe(2);
  });

  it('is dropped from the UI when another process removes it', async () => {
    const removedId = wren.core.store.accounts.list().at(-1)!.id;
    const announced = nextEvent(wren, 'store.changed', ({ changes }) => changes.some((change) => change.entity === 'accounts'));
    await run(process.execPath, ['bin/wren.cjs', '--data-dir', wren.core.dataDir, 'account', 'remove', String(removedId), '--yes'], {
      env: { ...process.env, WREN_KEY_FILE: join(wren.dir, 'keys', 'secret.key') },
    });
    expect((await announced).changes).toContainEqual({ entity: 'accounts', ids: [removedId] });
    expect(wren.core.accounts.list().map((account) => account.id)).toEqual([1]);
  });
});
