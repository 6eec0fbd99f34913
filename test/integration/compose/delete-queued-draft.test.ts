import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import { serverSubjects } from '../../lab/server-subjects';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

let lab: Lab;
let proxy: TcpProxy;
let wren: TestCore;
let accountId: number;
const failed: Events['operation.failed'][] = [];

beforeAll(async () => {
  lab = await startLab();
  proxy = await startTcpProxy(lab.ports.imaps);
  wren = startCore();
  const bob = lab.users[1]!;
  accountId = (await wren.call('accounts.add', labDraft(lab, bob, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: bob.email } }))).id;
  await wren.call('sync.run', { accountId });
  wren.core.events.on('operation.failed', (event) => failed.push(event));
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await proxy?.close();
  await lab?.stop();
});

describe('a draft written offline, deleted before the server got it', () => {
  it('goes to Trash, never to Drafts on the server, and no operation is said to have failed', async () => {
    const port = proxy.port;
    await proxy.close();
    wren.core.sessions.closeAccount(accountId);
    const saved = await wren.call('drafts.save', { accountId, to: [], subject: 'Changed my mind', text: 'not to be sent' });
    expect(saved.stored).toBe('queued');
    await wren.call('messages.apply', { kind: 'delete', messageIds: [saved.draftMessageId] });

    proxy = await startTcpProxy(lab.ports.imaps, lab.host, port);
    await wren.call('sync.run', { accountId });
    await wren.core.drafts.flush(accountId);
    await vi.waitFor(() => expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0), { timeout: 20_000, interval: 50 });
    await wren.call('sync.run', { accountId });
    expect(await serverSubjects(lab, lab.users[1]!, 'Drafts')).toEqual([]);
    expect(await serverSubjects(lab, lab.users[1]!, 'Trash')).toEqual(['Changed my mind']);
    expect(failed).toEqual([]);
  });
});
