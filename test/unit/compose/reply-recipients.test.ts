import { describe, expect, it } from 'vitest';
import { identityForReply, replyRecipients, type Identity } from '../../../src-main/compose/reply-recipients';

const me = (id: number, email: string, isDefault = false): Identity => ({ id, accountId: 1, name: '', email, replyTo: null, signature: null, isDefault });
const ann = { name: 'Ann', address: 'ann@example.com' };
const bob = { name: 'Bob', address: 'bob@example.com' };
const carol = { name: 'Carol', address: 'carol@example.com' };

describe('who an answer goes to', () => {
  it('replies to the sender, or to the Reply-To when there is one', () => {
    expect(replyRecipients({ from: ann, replyTo: [], to: [{ name: '', address: 'me@x.org' }], cc: [] }, ['me@x.org'], false)).toEqual({ to: [ann], cc: [] });
    expect(replyRecipients({ from: ann, replyTo: [carol], to: [], cc: [] }, ['me@x.org'], false).to).toEqual([carol]);
  });

  it('replies to all without the user (any identity, any case) and nobody twice', () => {
    const original = { from: ann, replyTo: [], to: [{ name: 'Me', address: 'ME@x.org' }, bob], cc: [carol, { name: '', address: 'sales@x.org' }, ann] };
    expect(replyRecipients(original, ['me@x.org', 'sales@x.org'], true)).toEqual({ to: [ann], cc: [bob, carol] });
  });

  it('answers a message the user sent to its recipients, not to the user', () => {
    const sent = { from: { name: 'Me', address: 'me@x.org' }, replyTo: [], to: [bob], cc: [carol] };
    expect(replyRecipients(sent, ['me@x.org'], false)).toEqual({ to: [bob], cc: [] });
    expect(replyRecipients(sent, ['me@x.org'], true)).toEqual({ to: [bob], cc: [carol] });
  });

  it('picks the identity the original was sent to, else the default', () => {
    const identities = [me(1, 'me@x.org', true), me(2, 'sales@x.org')];
    expect(identityForReply(identities, { to: [bob], cc: [{ name: '', address: 'Sales@X.org' }] })?.id).toBe(2);
    expect(identityForReply(identities, { to: [bob], cc: [] })?.id).toBe(1);
  });
});
