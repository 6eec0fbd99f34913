import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { listMessage } from '../../lab/list-message';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** A list message that also asks for a receipt and is marked urgent: three things the reading pane asks about at once. */
const URGENT = listMessage('Urgent notice', ['List-Unsubscribe: <mailto:leave@lists.example.org>'], [
  'List-Post: <mailto:weekly@lists.example.org>',
  'Disposition-Notification-To: <news@lists.example.org>',
  'X-Priority: 1 (Highest)',
]);

/**
 * Opening a message whose source is not cached asks Dovecot for its header block once (BODY.PEEK[HEADER]); the
 * block is kept, so its list links, receipt request and priority still read once the server is out of reach.
 */
describe('the header block of an opened message', () => {
  let lab: Lab;
  let proxy: TcpProxy;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    const user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [URGENT]);
    proxy = await startTcpProxy(lab.ports.imaps);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: user.email } }))).id;
    await wren.call('sync.run', { accountId });
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await proxy?.close();
    await lab?.stop();
  });

  it('is asked once for the three questions and answers them again offline, the message still unread', async () => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const messageId = wren.core.store.messages.page(inbox.id, 0, 10).items[0]!.id;
    expect(wren.core.store.bodies.source(messageId)).toBeUndefined();
    const ask = () => Promise.all([
      wren.call('messages.mailingList', { messageId }),
      wren.call('messages.receiptRequest', { messageId }),
      wren.call('messages.priority', { messageId }),
    ]);
    const online = await ask();
    expect(online).toEqual([
      { unsubscribe: { web: null, mailto: { to: ['leave@lists.example.org'], cc: [], subject: '', body: '' }, oneClick: false }, post: 'weekly@lists.example.org' },
      { to: 'news@lists.example.org', elsewhere: false, policy: 'ask' },
      { priority: 'high' },
    ]);
    expect(wren.core.store.bodies.headerBlock(messageId)?.toString()).toContain('Subject: Urgent notice');

    await proxy.close();
    wren.core.sessions.closeAccount(accountId);
    expect(await ask()).toEqual(online);
    expect(wren.core.store.messages.get(messageId)!.seen).toBe(false);
  });
});
