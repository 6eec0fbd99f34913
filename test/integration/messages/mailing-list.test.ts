import { globalAgent } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimSender } from '../../lab/dkim-sender';
import { startDnsServer, type TestDnsServer } from '../../lab/dns-server';
import { startLab, type Lab } from '../../lab/lab';
import { listMessage } from '../../lab/list-message';
import { startOneClickServer, type OneClickServer } from '../../lab/one-click-server';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** The Weekly list's message, which takes posts too. */
const weekly = (subject: string, unsubscribe: string[]) => listMessage(subject, unsubscribe, ['List-Post: <mailto:weekly@lists.example.org>']);

/** The ways out as most lists write them: a mailto: and a web address folded over two lines. */
const FOLDED = ['List-Unsubscribe: <mailto:leave@lists.example.org?subject=unsubscribe>,', ' <https://lists.example.org/unsubscribe?list=weekly&', ' member=alice>'];

const PLAIN = ['From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: Lunch', 'Date: Tue, 01 Dec 2026 10:00:00 +0000', 'Message-ID: <lunch@example.test>', '', 'Noon?', ''].join('\r\n');

/**
 * The reading pane's Reply to List and Unsubscribe: the RFC 2369 fields asked of Dovecot or read from the
 * cached source, and the one-click POST (RFC 8058) to a list's HTTPS server on loopback, offered only for
 * messages the list signed with DKIM (its key published by the lab's DNS server).
 */
describe('a message\'s mailing list', () => {
  let lab: Lab | undefined;
  let wren: TestCore;
  let accountId: number;
  let certDir: string;
  let list: OneClickServer;
  let untrusted: OneClickServer;
  let dns: TestDnsServer;
  const idOf = (subject: string) => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    return wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => m.subject === subject)!.id;
  };
  // It asks for one click but is not signed: the page and the address are offered, not the POST.
  const WEEKLY = {
    unsubscribe: {
      web: 'https://lists.example.org/unsubscribe?list=weekly&member=alice',
      mailto: { to: ['leave@lists.example.org'], cc: [], subject: 'unsubscribe', body: '' },
      oneClick: false,
    },
    post: 'weekly@lists.example.org',
  };

  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'wren-one-click-'));
    list = await startOneClickServer(await mkdtemp(join(certDir, 'trusted-')));
    untrusted = await startOneClickServer(await mkdtemp(join(certDir, 'untrusted-')));
    // The list's certificate is trusted as a public one would be; the other server's is not.
    globalAgent.options.ca = [list.cert.certPem];
    const signer = dkimSender('lists.example.org');
    dns = await startDnsServer({ txt: { [signer.record.name]: [signer.record.text] } });
    process.env.WREN_TEST_DNS = dns.server;
    lab = await startLab();
    const user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [
      weekly('Weekly 1', FOLDED),
      weekly('Weekly 2', FOLDED),
      weekly('Weekly 3', FOLDED),
      await signer.sign(weekly('Here', [`List-Unsubscribe: <${list.base}/u?list=weekly&member=alice>`])),
      await signer.sign(weekly('Untrusted', [`List-Unsubscribe: <${untrusted.base}/u>`])),
      weekly('Unsigned', [`List-Unsubscribe: <${list.base}/u?forged=1>`]),
      await signer.sign(weekly('Big', [`List-Unsubscribe: <${list.base}/u?big=1>`]).replace('This week: nothing much.', `${'x'.repeat(998)}\r\n`.repeat(6 * 1024))),
      PLAIN,
    ]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    globalAgent.options.ca = undefined;
    delete process.env.WREN_TEST_DNS;
    await wren?.dispose();
    await dns?.close();
    await lab?.stop();
    await list?.close();
    await untrusted?.close();
    await rm(certDir, { recursive: true, force: true });
  });

  it('asks the server for the fields of a message not downloaded, folded URI joined, and leaves it unread', async () => {
    const id = idOf('Weekly 1');
    expect(await wren.call('messages.mailingList', { messageId: id })).toEqual(WEEKLY);
    expect(wren.core.store.messages.get(id)!.seen).toBe(false);
    expect(await wren.call('messages.mailingList', { messageId: idOf('Lunch') })).toBeNull();
  });

  it('unsubscribes with one click: one POST of the RFC\'s body, nothing of the user\'s, to the address the signed message names', async () => {
    expect(await wren.call('messages.mailingList', { messageId: idOf('Here') })).toMatchObject({ unsubscribe: { oneClick: true } });
    expect(await wren.call('messages.unsubscribe', { messageId: idOf('Here') })).toEqual({ host: new URL(list.base).host });
    expect(list.received).toHaveLength(1);
    const [post] = list.received;
    expect(post).toMatchObject({ method: 'POST', path: '/u?list=weekly&member=alice', body: 'List-Unsubscribe=One-Click' });
    expect(post!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post!.headers.cookie).toBeUndefined();
    expect(post!.headers.authorization).toBeUndefined();
  });

  it('says the list refused, with its status, and follows no redirect', async () => {
    list.status = 500;
    await expect(wren.call('messages.unsubscribe', { messageId: idOf('Here') })).rejects.toMatchObject({ code: 'UnsubscribeRefused', details: { status: 500 } });
    list.status = 302;
    const before = list.received.length;
    await expect(wren.call('messages.unsubscribe', { messageId: idOf('Here') })).rejects.toMatchObject({ code: 'UnsubscribeRefused', details: { status: 302 } });
    expect(list.received.length).toBe(before + 1);
    list.status = 200;
  });

  it('checks the list server\'s certificate, and posts nothing for a message without a signed one-click way out', async () => {
    await expect(wren.call('messages.unsubscribe', { messageId: idOf('Untrusted') })).rejects.toMatchObject({ code: 'TlsUntrusted' });
    expect(untrusted.received).toHaveLength(0);
    const before = list.received.length;
    expect(await wren.call('messages.mailingList', { messageId: idOf('Unsigned') })).toMatchObject({ unsubscribe: { oneClick: false } });
    await expect(wren.call('messages.unsubscribe', { messageId: idOf('Unsigned') })).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(wren.call('messages.unsubscribe', { messageId: idOf('Lunch') })).rejects.toMatchObject({ code: 'BadRequest' });
    // Over 5 MB, signed or not, it is not downloaded whole to be checked: the page is offered instead.
    const big = idOf('Big');
    expect(await wren.call('messages.mailingList', { messageId: big })).toMatchObject({ unsubscribe: { oneClick: false } });
    expect(wren.core.store.bodies.source(big)).toBeUndefined();
    expect(list.received.length).toBe(before);
  });

  it('Reply to List answers the list\'s posting address alone, threaded under the message; a message on no list says so', async () => {
    const id = idOf('Weekly 1');
    const reply = await wren.call('compose.start', { mode: 'replyList', messageId: id, language: 'en' });
    expect(reply).toMatchObject({ to: [{ name: '', address: 'weekly@lists.example.org' }], cc: [], subject: 'Re: Weekly 1', inReplyTo: '<Weekly1@lists.example.org>' });
    expect(reply.references).toEqual(['<Weekly1@lists.example.org>']);
    await expect(wren.call('compose.start', { mode: 'replyList', messageId: idOf('Lunch'), language: 'en' })).rejects.toMatchObject({ code: 'NoListAddress' });
  });

  it('reads a downloaded message\'s own source, offline too; one not downloaded then has no answer, and no error', async () => {
    const downloaded = idOf('Weekly 2');
    await wren.call('messages.source', { messageId: downloaded });
    await lab!.stop();
    lab = undefined;
    expect(await wren.call('messages.mailingList', { messageId: downloaded })).toEqual(WEEKLY);
    // Weekly 1's one-click check downloaded its source; Weekly 3 was never opened.
    expect(await wren.call('messages.mailingList', { messageId: idOf('Weekly 1') })).toEqual(WEEKLY);
    expect(await wren.call('messages.mailingList', { messageId: idOf('Weekly 3') })).toBeNull();
    await expect(wren.call('messages.mailingList', { messageId: 999_999 })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
