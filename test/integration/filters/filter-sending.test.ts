import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { serverEventually, serverMatching, serverSourceEventually, serverSubjects } from '../../lab/server-subjects';
import { submitMail } from '../../lab/submit-mail';
import type { TestCore } from '../imap/lab-core';
import { coreFor } from '../outbox/outbox-lab';

/**
 * A filter's Redirect and Forward against the lab: new mail delivered to Alice over SMTP is sent on as it is, or
 * forwarded (inline, or attached whole), through Alice's outbox and the lab's SMTP server, to Bob; and one sent
 * on to Alice herself comes back once and is not sent round again.
 */
describe('a filter that redirects or forwards', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const alice = () => lab.users[0]!;
  const bob = () => lab.users[1]!;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren, accountId } = await coreFor(lab, 0));
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  // The sync announces the new mail; the filters act on that announcement (the redirect goes through the outbox).
  const syncAndSettle = () => wren.call('sync.run', { accountId });

  it('sends new mail on to another address as it is, with Resent-From naming the account', async () => {
    await wren.call('filters.save', { accountId, name: 'To Bob', conditions: [{ field: 'subject', operator: 'contains', text: 'invoice' }], actions: { redirectTo: bob().email } });
    await submitMail(lab, bob(), alice(), 'Invoice 42');
    await syncAndSettle();
    const source = await serverSourceEventually(lab, bob(), 'INBOX', 'Invoice 42');
    expect(source.split('\r\n').find((line) => line.startsWith('Resent-From: '))).toContain(alice().email);
    expect(source).toMatch(/^Subject: Invoice 42\r$/m);
  }, 60_000);

  it('sends a message that came back redirected by this account no further: no loop', async () => {
    await wren.call('filters.save', { accountId, name: 'To myself', conditions: [{ field: 'subject', operator: 'contains', text: 'loop' }], actions: { redirectTo: alice().email } });
    await submitMail(lab, bob(), alice(), 'A loop');
    await syncAndSettle();
    await serverEventually(async () => (await serverSubjects(lab, alice(), 'INBOX')).filter((subject) => subject === 'A loop'), ['A loop', 'A loop']);
    // The copy that came back is synced and screened too; it is not sent on again.
    for (let round = 0; round < 3; round++) await syncAndSettle();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await serverSubjects(lab, alice(), 'INBOX')).filter((subject) => subject === 'A loop')).toHaveLength(2);
  }, 90_000);

  it('forwards new mail as a new message from the account: inline with Fwd: and the quote, or attached whole', async () => {
    await wren.call('filters.save', { accountId, name: 'Receipts to Bob', conditions: [{ field: 'subject', operator: 'contains', text: 'receipt' }], actions: { forwardTo: bob().email } });
    await wren.call('filters.save', {
      accountId, name: 'Contracts to Bob', conditions: [{ field: 'subject', operator: 'contains', text: '合同' }], actions: { forwardTo: bob().email, forwardAs: 'attachment' },
    });
    await submitMail(lab, bob(), alice(), 'Receipt 7');
    await submitMail(lab, bob(), alice(), '合同草稿');
    await syncAndSettle();
    const inline = await serverSourceEventually(lab, bob(), 'INBOX', 'Fwd: Receipt 7');
    expect(inline).toMatch(new RegExp(`^From: .*${alice().email}`, 'm'));
    expect(inline).toContain('Forwarded message');
    const attached = await serverSourceEventually(lab, bob(), 'INBOX', 'Fwd: 合同草稿');
    expect(attached).toMatch(/Content-Type: message\/rfc822/i);
    // The original is marked forwarded on the server, as a forward from the composer marks it.
    const forwarded = async () => (await serverMatching(lab, alice(), 'INBOX', { keyword: '$Forwarded' })).filter((subject) => ['Receipt 7', '合同草稿'].includes(subject));
    await serverEventually(forwarded, ['Receipt 7', '合同草稿']);
  }, 60_000);

  it('forwards nothing that the account sent itself: a forward to oneself comes back once and stops', async () => {
    await wren.call('filters.save', { accountId, name: 'Forward to me', conditions: [{ field: 'subject', operator: 'contains', text: 'echo' }], actions: { forwardTo: alice().email } });
    await submitMail(lab, bob(), alice(), 'Echo');
    await syncAndSettle();
    await serverEventually(async () => (await serverSubjects(lab, alice(), 'INBOX')).filter((subject) => /echo/i.test(subject)), ['Echo', 'Fwd: Echo']);
    for (let round = 0; round < 3; round++) await syncAndSettle();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await serverSubjects(lab, alice(), 'INBOX')).filter((subject) => /echo/i.test(subject))).toEqual(['Echo', 'Fwd: Echo']);
  }, 90_000);

  it('replies with a template, Auto-Submitted, and marks the original answered; lists and other robots get no reply', async () => {
    const saved = await wren.call('templates.save', {
      accountId, to: [], subject: 'Away this week', text: 'I am away until Monday; your mail waits for me.\n', html: null,
    });
    const away = await wren.call('filters.save', {
      accountId, name: 'Away', conditions: [{ field: 'subject', operator: 'contains', text: 'question' }], actions: { replyTemplate: saved.templateId },
    });
    await submitMail(lab, bob(), alice(), 'A question');
    const fromList = [
      `From: ${bob().email}`, `To: ${alice().email}`, 'Subject: List question', 'List-Id: <dev.example.org>', 'Message-ID: <list-q@example.test>', '', 'From the list.', '',
    ].join('\r\n');
    const fromRobot = [
      `From: ${bob().email}`, `To: ${alice().email}`, 'Subject: Robot question', 'Auto-Submitted: auto-generated', 'Message-ID: <robot-q@example.test>', '', 'Beep.', '',
    ].join('\r\n');
    await lab.seed(alice().email, 'INBOX', [fromList, fromRobot]);
    await syncAndSettle();
    const reply = await serverSourceEventually(lab, bob(), 'INBOX', 'Re: A question');
    expect(reply).toMatch(/^Auto-Submitted: auto-replied\r$/m);
    expect(reply).toMatch(/^In-Reply-To: </m);
    expect(reply).toContain('I am away until Monday');
    const answered = async () => (await serverMatching(lab, alice(), 'INBOX', { answered: true })).filter((subject) => subject.endsWith('question'));
    await serverEventually(answered, ['A question']);
    for (let round = 0; round < 2; round++) await syncAndSettle();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await serverSubjects(lab, bob(), 'INBOX')).filter((subject) => subject.startsWith('Re: '))).toEqual(['Re: A question']);
    // Run by hand again: the question is answered already, so nobody gets a second reply.
    const inbox = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'inbox')!;
    expect(await wren.call('filters.run', { folderId: inbox.id, filterId: away.id })).toMatchObject({ matched: 3, replied: 0, repliesFailed: 0 });
  }, 60_000);

  it('a periodic filter forwards a message once to an address, however many of its runs (and "Run now") meet it', async () => {
    await wren.call('filters.save', {
      accountId, name: 'Figures to Bob', conditions: [{ field: 'subject', operator: 'contains', text: 'quarterly' }], actions: { forwardTo: bob().email },
      runOn: { newMail: false, afterSending: false, periodically: true },
    });
    await submitMail(lab, bob(), alice(), 'Quarterly figures');
    await syncAndSettle();
    const inbox = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'inbox')!;
    // Not on new mail: nothing went before the periodic runs.
    expect((await serverSubjects(lab, bob(), 'INBOX')).filter((subject) => subject.includes('Quarterly'))).toEqual([]);
    expect(await wren.core.filters.runPeriodically(inbox.id)).toMatchObject({ matched: 1, forwarded: 1 });
    expect(await wren.core.filters.runPeriodically(inbox.id)).toMatchObject({ matched: 1, forwarded: 0 });
    expect(await wren.call('filters.run', { folderId: inbox.id })).toMatchObject({ forwarded: 0, forwardsFailed: 0 });
    await serverSourceEventually(lab, bob(), 'INBOX', 'Fwd: Quarterly figures');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await serverSubjects(lab, bob(), 'INBOX')).filter((subject) => subject.includes('Quarterly'))).toEqual(['Fwd: Quarterly figures']);
  }, 60_000);
});
