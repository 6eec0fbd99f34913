import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from '../outbox/outbox-lab';

/** An answer to HTML mail quotes the HTML the user saw (its simple formatting), not its plain-text alternative. */
let lab: Lab;
let alice: TestCore;
let aliceId: number;

const HTML_MAIL = [
  'From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: Formatted news', 'Message-ID: <formatted-news@lab>',
  'Date: Mon, 7 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '',
  '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Plain words that differ', '',
  '--b1', 'Content-Type: text/html; charset=utf-8', '',
  '<html><head><style>body{display:none}</style><script>alert(1)</script></head><body><p>Hello <b>bold news</b> and <a href="https://news.example/item">the link</a></p><ul><li>first point</li></ul><img src="https://tracker.example/open.gif"></body></html>',
  '--b1--', '',
].join('\r\n');

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PICTURE_MAIL = [
  'From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: With a picture', 'Message-ID: <with-picture@lab>',
  'Date: Mon, 7 Dec 2026 11:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="r1"', '',
  '--r1', 'Content-Type: text/html; charset=utf-8', '', '<p>See <img src="cid:pic@lab"> here</p>',
  '--r1', 'Content-Type: image/png; name="pic.png"', 'Content-ID: <pic@lab>', 'Content-Disposition: inline; filename="pic.png"', 'Content-Transfer-Encoding: base64', '', PNG,
  '--r1--', '',
].join('\r\n');

beforeAll(async () => {
  lab = await startLab();
  await lab.seed(lab.users[0]!.email, 'INBOX', [HTML_MAIL, PICTURE_MAIL]);
  ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
}, 60_000);

afterAll(async () => {
  await alice?.dispose();
  await lab?.stop();
});

async function original(subject = 'Formatted news'): Promise<number> {
  const inbox = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'inbox')!;
  return (await alice.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === subject)!.id;
}

describe('an answer to HTML mail', () => {
  it('quotes its HTML, sanitized, in a cite blockquote under the attribution; the plain alternative quotes its text', async () => {
    const reply = await alice.call('compose.start', { mode: 'reply', messageId: await original(), language: 'en' });
    const quote = /<blockquote type="cite">([\s\S]*)<\/blockquote>/.exec(reply.html ?? '')?.[1];
    expect(reply.html).toContain('Bob &lt;bob@example.test&gt; wrote:</p><blockquote type="cite">');
    expect(quote).toBe('<p>Hello <b>bold news</b> and <a href="https://news.example/item">the link</a></p><ul><li>first point</li></ul>');
    expect(reply.text).toContain('> Plain words that differ');

    const sent = await sendNow(alice, { ...reply, to: to(lab.users[1]!.email) });
    const [delivered] = await onServerById(lab, lab.users[1]!.email, 'INBOX', sent.messageId);
    expect(delivered!.parsed.html).toContain('<blockquote type="cite"><p>Hello <b>bold news</b>');
    expect(delivered!.parsed.html).not.toMatch(/script|tracker\.example|display:none/);
  });

  it('forwards its HTML too', async () => {
    const forward = await alice.call('compose.start', { mode: 'forward', messageId: await original(), language: 'en' });
    expect(forward.html).toContain('<div><p>Hello <b>bold news</b> and <a href="https://news.example/item">the link</a></p><ul><li>first point</li></ul></div>');
    expect(forward.html).not.toMatch(/script|tracker\.example/);
  });

  it('forwards its inline images in place, with their parts', async () => {
    const forward = await alice.call('compose.start', { mode: 'forward', messageId: await original('With a picture'), language: 'en' });
    expect(forward.html).toContain('<p>See <img src="cid:pic@lab" alt=""> here</p>');
    expect(forward.attachments.map((a) => [a.contentId, a.contentType])).toEqual([['pic@lab', 'image/png']]);

    const sent = await sendNow(alice, { ...forward, to: to(lab.users[1]!.email) });
    const [delivered] = await onServerById(lab, lab.users[1]!.email, 'INBOX', sent.messageId);
    const picture = delivered!.parsed.attachments.find((a) => a.contentId === '<pic@lab>');
    expect(picture?.content.toString('base64')).toBe(PNG);
  });

  it('quotes the pictures it shows in a reply, as parts of its own that Bob receives', async () => {
    const reply = await alice.call('compose.start', { mode: 'reply', messageId: await original('With a picture'), language: 'en' });
    const [picture] = reply.attachments;
    expect(reply.attachments).toHaveLength(1);
    expect(picture).toMatchObject({ contentType: 'image/png', contentId: expect.stringMatching(/@wren$/) });
    expect(reply.html).toContain(`<p>See <img src="cid:${picture!.contentId}" alt=""> here</p>`);
    expect(reply.html).not.toContain('data:');

    const sent = await sendNow(alice, { ...reply, to: to(lab.users[1]!.email) });
    const [delivered] = await onServerById(lab, lab.users[1]!.email, 'INBOX', sent.messageId);
    const part = delivered!.parsed.attachments.find((a) => a.contentId === `<${picture!.contentId}>`);
    expect(part?.content.toString('base64')).toBe(PNG);
    // mailparser shows a cid: picture it found the part for as a data: URL; the message itself names it by cid.
    expect(delivered!.parsed.html).toContain(`<img src="data:image/png;base64,${PNG}"`);
    expect(delivered!.source.toString()).not.toContain('data:image');
  });

  it('quotes no picture when the user answers a selection of its words', async () => {
    const reply = await alice.call('compose.start', { mode: 'reply', messageId: await original('With a picture'), language: 'en', quote: 'See here' });
    expect(reply.attachments).toEqual([]);
  });
});
