import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import type { Lab } from '../../lab/lab';
import { JUNK_MAIL, corpusSource, trainingGood, trainingJunk, unseenGood, unseenJunk, type CorpusMessage } from '../../lab/junk-corpus';
import { journalLab, onServer, subjects } from '../journal/journal-lab';

/** Delivers a message to Bob over the lab's SMTP submission server (into Dovecot by LMTP), from the sender it names. */
async function deliver(lab: Lab, message: CorpusMessage): Promise<void> {
  const alice = lab.users[0]!;
  const transport = nodemailer.createTransport({
    host: lab.host, port: lab.ports.submission, secure: false, requireTLS: true, tls: { ca: [lab.certPem] }, auth: { user: alice.email, pass: alice.password },
  });
  try {
    await transport.sendMail({ from: message.from, to: lab.users[1]!.email, subject: message.subject, text: message.text, envelope: { from: alice.email, to: lab.users[1]!.email } });
  } finally {
    transport.close();
  }
}

/** The adaptive junk filter against Dovecot: it learns from Junk and Not Junk, and its verdicts on new mail reach the server. */
describe('the junk filter, against Dovecot and the lab SMTP server', () => {
  const f = journalLab();
  const server = (folder: string) => onServer(f.lab, f.user, folder);

  it('learns from the user\'s marks; new junk delivered over SMTP is marked $Junk on the server and not announced, good mail is', async () => {
    const training = [...trainingJunk, ...trainingGood];
    await f.lab.seed(f.user, 'INBOX', training.map((message, n) => corpusSource(message, n)));
    await f.wren.core.sync.run(f.accountId, false);
    const bySubject = new Map(f.local('INBOX').map((row) => [row.subject, row.id]));
    const idsOf = (messages: CorpusMessage[]) => messages.map((message) => bySubject.get(message.subject)!);
    expect(await f.wren.call('junk.status', {})).toMatchObject({ junk: 0, good: 0, ready: false });
    // As a user does: each is looked at in the reading pane (its body downloaded) before it is marked.
    for (const id of idsOf(training)) await f.wren.call('messages.read', { messageId: id, markSeen: false });
    await f.wren.call('messages.apply', { kind: 'junk', messageIds: idsOf(trainingJunk), junk: true });
    await f.wren.call('messages.apply', { kind: 'junk', messageIds: idsOf(trainingGood), junk: false });
    await f.settled();
    const status = await f.wren.call('junk.status', {});
    expect(status).toMatchObject({ junk: trainingJunk.length, good: trainingGood.length, ready: true });
    // Their bodies' words, not only the headers'.
    expect(status.tokens).toBeGreaterThan(300);
    expect(subjects(await server('Junk'))).toEqual(subjects(trainingJunk));

    const announced: string[] = [];
    f.wren.core.events.on('mail.new', (event) => announced.push(...event.messages.map((message) => message.subject)));
    await deliver(f.lab, unseenJunk);
    await deliver(f.lab, unseenGood);
    await f.wren.core.sync.run(f.accountId, false);
    // The filter screens the sync's announcement once the sync is over (after downloading the bodies it scores).
    await vi.waitFor(() => expect(announced).toEqual([unseenGood.subject]), { timeout: 10_000 });
    await f.settled();
    const inbox = await server('INBOX');
    expect(inbox.find((message) => message.subject === unseenJunk.subject)?.flags).toContain('$Junk');
    expect(inbox.find((message) => message.subject === unseenGood.subject)?.flags).not.toContain('$Junk');
    expect(announced).toEqual([unseenGood.subject]);
    const caught = f.local('INBOX').find((row) => row.subject === unseenJunk.subject)!;
    expect(caught.junk).toBe(true);

    // Not Junk on the filter's verdict: the keyword goes, $NotJunk comes, and the filter learns one more good message.
    await f.wren.call('messages.apply', { kind: 'junk', messageIds: [caught.id], junk: false });
    await f.settled();
    const rescued = (await server('INBOX')).find((message) => message.subject === unseenJunk.subject)!;
    expect(rescued.flags).toContain('$NotJunk');
    expect(rescued.flags).not.toContain('$Junk');
    expect(await f.wren.call('junk.status', {})).toMatchObject({ good: trainingGood.length + 1 });
    expect(f.failed).toEqual([]);
  });

  it('set to move: new junk lands in the Junk folder on the server; Run Junk Mail Controls leaves judged mail alone', async () => {
    await f.wren.call('settings.update', { app: { junkFilter: 'move' } });
    const variant = { ...JUNK_MAIL[2]!, subject: 'WINNER: your free prize is waiting' };
    await deliver(f.lab, variant);
    await f.wren.core.sync.run(f.accountId, false);
    await vi.waitFor(() => expect(subjects(f.local('Junk'))).toContain(variant.subject), { timeout: 10_000 });
    await f.settled();
    expect(subjects(await server('Junk'))).toContain(variant.subject);
    expect(subjects(await server('INBOX'))).not.toContain(variant.subject);

    // Every message left in the Inbox was judged by the user ($NotJunk) or is good: nothing moves.
    const inbox = f.folderId('INBOX');
    const run = await f.wren.call('junk.runOnFolder', { folderId: inbox });
    expect(run.junk).toBe(0);
    await f.settled();
    expect(subjects(await server('INBOX'))).toEqual(subjects([...trainingGood, unseenGood, unseenJunk]));
    expect(f.failed).toEqual([]);
  });
});
