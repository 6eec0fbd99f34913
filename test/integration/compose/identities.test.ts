import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from '../outbox/outbox-lab';

/**
 * Identities edited through the requests the Settings screen and `wren identity`
 * use, against a core with a lab account: a new identity's signature starts the
 * composer, and a message sent from it leaves with its From, Reply-To and
 * signature, as the recipient's server holds it.
 */
let lab: Lab;
let wren: TestCore;
let accountId: number;
const alice = () => lab.users[0]!.email;

beforeAll(async () => {
  lab = await startLab();
  ({ wren, accountId } = await coreFor(lab, 0, { displayName: 'Alice' }));
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

describe('identities.add / update / remove', () => {
  it('adds a default identity with a signature: new messages start from it, signature included, and leave with its From and Reply-To', async () => {
    const sales = await wren.call('identities.add', {
      accountId,
      identity: { name: '销售 Sales', email: alice(), replyTo: 'orders@example.test', signature: 'Alice\r\n销售部', isDefault: true },
    });
    expect(sales).toMatchObject({ accountId, name: '销售 Sales', replyTo: 'orders@example.test', signature: 'Alice\n销售部', isDefault: true });
    const list = await wren.call('identities.list', { accountId });
    expect(list.map((identity) => [identity.name, identity.isDefault])).toEqual([['销售 Sales', true], ['Alice', false]]);

    const fresh = await wren.call('compose.start', { mode: 'new', accountId, language: 'en' });
    expect(fresh.identityId).toBe(sales.id);
    expect(fresh.text).toBe('\n\n-- \nAlice\n销售部');

    const entry = await sendNow(wren, { ...fresh, to: to(lab.users[1]!.email), subject: 'From Sales', text: `Hello${fresh.text}` });
    expect(entry.state).toBe('sent');
    const [received] = await onServerById(lab, lab.users[1]!.email, 'INBOX', entry.messageId);
    expect(received!.parsed.from!.value).toEqual([{ name: '销售 Sales', address: alice() }]);
    expect(received!.parsed.replyTo!.value).toEqual([{ name: '', address: 'orders@example.test' }]);
    expect(received!.parsed.text).toContain('-- \nAlice\n销售部');
  });

  it('updates an identity; an empty signature is none; making another the default moves it', async () => {
    const [sales, plain] = await wren.call('identities.list', { accountId });
    const updated = await wren.call('identities.update', {
      identityId: plain!.id!,
      identity: { name: 'Alice A', email: alice(), replyTo: null, signature: '  \n', isDefault: true },
    });
    expect(updated).toMatchObject({ name: 'Alice A', signature: null, isDefault: true });
    // A "-- " line typed above the signature is the composer's to write: kept, it stood twice (QA).
    for (const typed of ['-- \nAlice A\nSupport', '--\r\nAlice A\nSupport']) {
      const withDelimiter = await wren.call('identities.update', { identityId: plain!.id!, identity: { name: 'Alice A', email: alice(), signature: typed, isDefault: true } });
      expect(withDelimiter.signature).toBe('Alice A\nSupport');
      expect((await wren.call('compose.start', { mode: 'new', accountId, language: 'en' })).text).toBe('\n\n-- \nAlice A\nSupport');
    }
    await wren.call('identities.update', { identityId: plain!.id!, identity: { name: 'Alice A', email: alice(), signature: '-- ', isDefault: true } });
    const list = await wren.call('identities.list', { accountId });
    expect(list.find((identity) => identity.id === sales!.id)!.isDefault).toBe(false);
    expect((await wren.call('compose.start', { mode: 'new', accountId, language: 'en' })).text).toBe('');
  });

  it('refuses line breaks in headers, bad addresses, unsetting the default and removing the last identity', async () => {
    const [first] = await wren.call('identities.list', { accountId });
    const bad = (identity: Record<string, unknown>) => wren.call('identities.add', { accountId, identity: { name: 'X', email: alice(), ...identity } as never });
    await expect(bad({ name: 'Eve\r\nBcc: victim@example.test' })).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(bad({ email: 'not an address' })).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(bad({ replyTo: 'a@example.test\nBcc: b@example.test' })).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(
      wren.call('identities.update', { identityId: first!.id!, identity: { name: 'A', email: alice(), isDefault: false } }),
    ).rejects.toMatchObject({ code: 'BadRequest' });
    expect(await wren.call('identities.list', { accountId })).toHaveLength(2);

    // Removing the default hands it to the one left; the last one stays.
    await wren.call('identities.remove', { identityId: first!.id! });
    const [left] = await wren.call('identities.list', { accountId });
    expect(left!.isDefault).toBe(true);
    await expect(wren.call('identities.remove', { identityId: left!.id! })).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(wren.call('identities.remove', { identityId: 9999 })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
