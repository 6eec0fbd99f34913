import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OneClickChecks } from '../../../src-main/messages/one-click-checks';
import { dkimSender, type DkimSender } from '../../lab/dkim-sender';
import { startDnsServer, type TestDnsServer } from '../../lab/dns-server';
import { listMessage } from '../../lab/list-message';

const message = (subject: string) => listMessage(subject, ['List-Unsubscribe: <https://lists.example.org/u/1>']);

/** RFC 8058's DKIM condition for one click, checked by mailauth against keys published by the lab's DNS server. */
describe('OneClickChecks', () => {
  let dns: TestDnsServer;
  let list: DkimSender;
  let checks: OneClickChecks;
  let nextId = 1;
  const verify = (raw: string) => checks.verified(nextId++, async () => Readable.from([Buffer.from(raw)]));

  beforeAll(async () => {
    list = dkimSender('lists.example.org');
    dns = await startDnsServer({ txt: { [list.record.name]: [list.record.text] } });
    checks = new OneClickChecks(dns.server);
  });
  afterAll(async () => {
    await dns?.close();
  });

  it('passes a message whose valid signature covers List-Unsubscribe and List-Unsubscribe-Post', async () => {
    expect(await verify(await list.sign(message('Signed')))).toBe(true);
    expect(dns.questions).toContain(`TXT ${list.record.name}`);
  });

  it('fails one unsigned, one whose signature leaves List-Unsubscribe-Post out, and one changed after signing', async () => {
    expect(await verify(message('Unsigned'))).toBe(false);
    expect(await verify(await list.sign(message('Partly'), ['From', 'Subject', 'List-Unsubscribe']))).toBe(false);
    const forged = (await list.sign(message('Forged'))).replace('https://lists.example.org/u/1', 'https://victim.example.net/action');
    expect(await verify(forged)).toBe(false);
    expect(await verify((await list.sign(message('Body'))).replace('nothing much', 'a lot'))).toBe(false);
  });

  it('fails a signature whose key is not published, and a message whose source cannot be had now, asking again later', async () => {
    const stranger = dkimSender('elsewhere.example.org');
    expect(await verify(await stranger.sign(message('Unknown key')))).toBe(false);
    const signed = await list.sign(message('Later'));
    let offline = true;
    const source = async () => {
      if (offline) throw new Error('offline');
      return Readable.from([Buffer.from(signed)]);
    };
    expect(await checks.verified(999, source)).toBe(false);
    offline = false;
    expect(await checks.verified(999, source)).toBe(true);
  });
});
