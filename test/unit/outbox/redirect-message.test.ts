import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { redirectedMessage } from '../../../src-main/outbox/redirect-message';

const ORIGINAL = 'From: a@x.test\r\nTo: b@y.test\r\nSubject: Hi\r\nMessage-ID: <o@x.test>\r\n\r\nBody\r\n';
const redirect = (to: Array<{ name: string; address: string }>, fromName = 'Bob') =>
  redirectedMessage({
    source: Readable.from([Buffer.from(ORIGINAL)]), size: ORIGINAL.length, from: { name: fromName, address: 'bob@y.test', replyTo: null },
    to, messageId: '<r1@y.test>', date: new Date(Date.UTC(2026, 11, 5, 9, 30)),
  });

describe('redirectedMessage', () => {
  it('puts the Resent block in front of the original, unchanged; the envelope is the user and the new recipients', async () => {
    const built = redirect([{ name: '', address: 'c@z.test' }, { name: 'Carol "CJ" Jones', address: 'cj@z.test' }, { name: '', address: 'c@z.test' }]);
    expect(built.envelope).toEqual({ from: 'bob@y.test', to: ['c@z.test', 'cj@z.test'] });
    expect(await text(built.stream())).toBe(
      'Resent-From: "Bob" <bob@y.test>\r\nResent-To: c@z.test,\r\n "Carol \\"CJ\\" Jones" <cj@z.test>,\r\n c@z.test\r\n'
      + `Resent-Date: Sat, 05 Dec 2026 09:30:00 +0000\r\nResent-Message-ID: <r1@y.test>\r\n${ORIGINAL}`,
    );
    expect(built.messageId).toBe('<r1@y.test>');
    expect(built.sizeBound).toBeGreaterThanOrEqual((await text(redirect([{ name: '', address: 'c@z.test' }]).stream())).length);
  });

  it('a name with line breaks or beyond ASCII is an encoded word: it cannot end the field', async () => {
    const head = (await text(redirect([{ name: 'Eve\r\nBcc: victim@evil.test', address: 'e@z.test' }], '王小明').stream())).split('\r\nFrom: ')[0]!;
    expect(head).not.toMatch(/^Bcc:/m);
    expect(head).toMatch(/^Resent-From: =\?UTF-8\?Q\?[^\r\n]*\?= <bob@y\.test>$/m);
    expect(head).toMatch(/^Resent-To: =\?UTF-8\?Q\?Eve=0D=0ABcc[^\r\n]*\?= <e@z\.test>$/m);
  });
});
