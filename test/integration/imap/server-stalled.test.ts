import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { InProcessSyncRunner } from '../../../src-main/sync/in-process-sync-runner';
import { HEADER_BATCH } from '../../../src-main/sync/sync-folder';
import { simpleMessage } from '../../lab/simple-message';
import { startLab, type Lab } from '../../lab/lab';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from './lab-core';

/** Short enough for a test; the default (a minute) only has to be much shorter than imapflow's five. */
const SILENCE_MS = 1_500;

describe('a server that stops answering without closing the connection', () => {
  let lab: Lab;
  let proxy: TcpProxy;
  let wren: TestCore;
  let accountId: number;
  const total = HEADER_BATCH * 2 + 11;

  beforeAll(async () => {
    lab = await startLab();
    const carol = lab.users[2]!;
    await lab.seed(carol.email, 'INBOX', Array.from({ length: total }, (_, i) => simpleMessage(i + 1, { subject: 'Stall', to: carol.email })));
    proxy = await startTcpProxy(lab.ports.imaps);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, carol))).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await proxy?.close();
    await lab?.stop();
  });

  it('fails the sync with ServerStalled once the line goes silent mid-sync', async () => {
    const carol = lab.users[2]!;
    const runner = new InProcessSyncRunner(wren.core.store);
    const login = {
      server: { host: lab.host, port: proxy.port, security: 'tls' as const, user: carol.email },
      password: carol.password,
      allowPlaintext: false,
      pin: { sha256: lab.certFingerprint256, pem: lab.certPem },
      timeouts: { socketMs: SILENCE_MS },
    };
    let silenced = false;
    const onProgress = (p: Events['sync.progress']) => {
      if (!silenced && p.phase === 'headers' && p.folderPath === 'INBOX' && p.done >= HEADER_BATCH) {
        silenced = true;
        proxy.blackHole(); // packets vanish; no FIN, no RST
      }
    };
    try {
      await expect(runner.run({ accountId, bodies: false, login }, onProgress)).rejects.toMatchObject({ code: 'ServerStalled' });
    } finally {
      await runner.close();
    }
    expect(silenced).toBe(true);
    // What arrived before the line went quiet stays.
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    expect(inbox.total).toBeGreaterThanOrEqual(HEADER_BATCH);
  });
});
