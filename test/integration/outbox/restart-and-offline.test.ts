import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import type { Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { startLab, type Lab } from '../../lab/lab';
import { freePorts } from '../../lab/net-util';
import { startScriptedSmtp } from '../../lab/scripted-smtp';
import { labDraft } from '../imap/lab-core';
import { onServerById, to } from './outbox-lab';

/** A core on a data folder that outlives it (a restart opens a new one on the same folder and key). */
function openCore(dir: string) {
  const core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'cli', secrets: new KeyFileSecretStore(join(dir, 'key')), syncWorkerPath: null });
  const handlers = createHandlers(core);
  const call = <M extends Method>(method: M, params: ParamsOf<M>) => dispatch(handlers, method, params) as Promise<ResultOf<M>>;
  return { core, call };
}

describe('the outbox across a restart, and offline', () => {
  let lab: Lab;
  let dir: string;
  beforeAll(async () => {
    lab = await startLab();
    dir = mkdtempSync(join(tmpdir(), 'wren-outbox-restart-'));
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('send later survives a restart: a new core on the same data folder sends it once, at its time', async () => {
    const first = openCore(dir);
    const accountId = (await first.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    await first.call('sync.run', { accountId });
    const sendAt = Date.now() + 3000;
    const entry = await first.call('outbox.send', { message: { accountId, to: to(lab.users[1]!.email), subject: 'Later', text: 'later' }, sendAt });
    expect(entry.state).toBe('waiting');
    await first.core.close();

    const second = openCore(dir);
    try {
      expect((await second.call('outbox.list', {})).map((e) => [e.id, e.state, e.sendAt])).toEqual([[entry.id, 'waiting', sendAt]]);
      const [sent] = await second.call('outbox.wait', { outboxIds: [entry.id] });
      expect(sent!.state).toBe('sent');
      expect(Date.now()).toBeGreaterThanOrEqual(sendAt);
      expect(await onServerById(lab, lab.users[1]!.email, 'INBOX', entry.messageId)).toHaveLength(1);
      expect(await onServerById(lab, lab.users[0]!.email, 'Sent', entry.messageId)).toHaveLength(1);
    } finally {
      await second.core.close();
    }
  }, 60_000);

  it('offline: queued, and sent once the account is back', async () => {
    const [port] = await freePorts(1);
    const other = mkdtempSync(join(tmpdir(), 'wren-outbox-offline-'));
    const wren = openCore(other);
    try {
      const alice = lab.users[0]!;
      const accountId = (await wren.call('accounts.add', labDraft(lab, alice, { smtp: { host: '127.0.0.1', port: port!, security: 'none', user: alice.email }, allowPlaintext: true }))).id;
      await wren.call('sync.run', { accountId });
      const entry = await wren.call('outbox.send', { message: { accountId, to: to('bob@example.test'), subject: 'Offline' }, undoSeconds: 0 });
      const [queued] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
      expect(queued).toMatchObject({ state: 'queued', error: { code: 'ConnectionRefused' } });

      const smtp = await startScriptedSmtp(alice.password, port);
      try {
        // Back: the next good sync of the account sends what waited.
        await wren.call('sync.run', { accountId });
        for (let i = 0; i < 100 && wren.core.store.outbox.get(entry.id)?.state !== 'sent'; i += 1) await new Promise((r) => setTimeout(r, 100));
        const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
        expect(sent!.state).toBe('sent');
        expect(smtp.accepted).toEqual([entry.messageId]);
      } finally {
        await smtp.close();
      }
    } finally {
      await wren.core.close();
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);
});
