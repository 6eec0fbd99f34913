import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import type { Lab } from '../../lab/lab';
import { journalLab, onServer } from '../journal/journal-lab';

const run = promisify(execFile);

/** Posts to Bob over the lab's SMTP submission server (into Dovecot by LMTP), threaded as a mailing list's reply would be. */
async function deliver(lab: Lab, subject: string, messageId: string, answers?: { inReplyTo: string; references: string[] }): Promise<void> {
  const alice = lab.users[0]!;
  const transport = nodemailer.createTransport({
    host: lab.host, port: lab.ports.submission, secure: false, requireTLS: true, tls: { ca: [lab.certPem] }, auth: { user: alice.email, pass: alice.password },
  });
  try {
    await transport.sendMail({
      from: alice.email, to: lab.users[1]!.email, subject, text: `${subject}\n`, messageId,
      ...(answers && { inReplyTo: answers.inReplyTo, references: answers.references }),
    });
  } finally {
    transport.close();
  }
}

describe('Ignore thread, against Dovecot and the lab SMTP server', () => {
  const f = journalLab();
  const flagsOf = async (subject: string) => (await onServer(f.lab, f.user, 'INBOX')).find((message) => message.subject === subject)?.flags;

  it('marks the thread read on the server; a reply delivered later arrives read and is not announced, other mail is', async () => {
    await deliver(f.lab, 'Release plan', '<plan@list.test>');
    await deliver(f.lab, 'Re: Release plan', '<plan-1@list.test>', { inReplyTo: '<plan@list.test>', references: ['<plan@list.test>'] });
    await f.wren.core.sync.run(f.accountId, false);
    const bySubject = () => new Map(f.local('INBOX').map((row) => [row.subject, row]));
    const result = await f.wren.call('messages.ignoreThread', { messageId: bySubject().get('Re: Release plan')!.id, ignore: true });
    expect(result).toMatchObject({ ignored: true, markedRead: 2 });
    await f.settled();
    expect(await flagsOf('Release plan')).toContain('\\Seen');
    expect(await flagsOf('Re: Release plan')).toContain('\\Seen');
    expect((await f.wren.call('messages.read', { messageId: bySubject().get('Release plan')!.id, markSeen: false })).threadIgnored).toBe(true);

    const announced: string[] = [];
    f.wren.core.events.on('mail.new', (event) => announced.push(...event.messages.map((message) => message.subject)));
    // A reply to the reply, whose References name only its parent: still the thread.
    await deliver(f.lab, 'Re: Re: Release plan', '<plan-2@list.test>', { inReplyTo: '<plan-1@list.test>', references: ['<plan-1@list.test>'] });
    await deliver(f.lab, 'Lunch on Friday', '<lunch@x.test>');
    await f.wren.core.sync.run(f.accountId, false);
    await vi.waitFor(() => expect(announced).toEqual(['Lunch on Friday']), { timeout: 10_000 });
    await f.settled();
    expect(bySubject().get('Re: Re: Release plan')!.seen).toBe(true);
    expect(await flagsOf('Re: Re: Release plan')).toContain('\\Seen');
    expect(await flagsOf('Lunch on Friday')).not.toContain('\\Seen');
    expect(announced).toEqual(['Lunch on Friday']);
    expect(f.failed).toEqual([]);
  });

  it('wren thread unignore: the next reply arrives unread and announced; wren thread ignore again from the CLI', async () => {
    const id = f.local('INBOX').find((row) => row.subject === 'Release plan')!.id;
    // The CLI opens the saved password with the key in its config folder: the test core's, copied there.
    mkdirSync(join(f.wren.dir, 'config', 'wren'), { recursive: true });
    copyFileSync(join(f.wren.dir, 'keys', 'secret.key'), join(f.wren.dir, 'config', 'wren', 'secret.key'));
    const cli = (args: string[]) =>
      run(process.execPath, ['bin/wren.cjs', '--data-dir', join(f.wren.dir, 'data'), ...args], { env: { ...process.env, XDG_CONFIG_HOME: join(f.wren.dir, 'config') } });
    expect((await cli(['thread', 'unignore', String(id)])).stdout).toBe(`Watching the thread of message ${id} again: new mail in it arrives unread\n`);
    const announced: string[] = [];
    f.wren.core.events.on('mail.new', (event) => announced.push(...event.messages.map((message) => message.subject)));
    await deliver(f.lab, 'Re: Release plan (again)', '<plan-3@list.test>', { inReplyTo: '<plan@list.test>', references: ['<plan@list.test>'] });
    await f.wren.core.sync.run(f.accountId, false);
    await vi.waitFor(() => expect(announced).toEqual(['Re: Release plan (again)']), { timeout: 10_000 });
    expect((await cli(['thread', 'ignore', String(id)])).stdout).toMatch(new RegExp(`^Ignoring the thread of message ${id}: 1 message marked read`));
    await f.settled();
    expect(await flagsOf('Re: Release plan (again)')).toContain('\\Seen');
    // wren list --hide-ignored leaves the thread out, as the app's list does; without it, scripts see every message.
    const subjects = async (extra: string[]) => (JSON.parse((await cli(['list', String(f.accountId), 'INBOX', '--json', ...extra])).stdout) as { subject: string }[]).map((row) => row.subject);
    const all = await subjects([]);
    expect(all).toEqual(expect.arrayContaining(['Release plan', 'Re: Release plan (again)']));
    const shown = await subjects(['--hide-ignored']);
    expect(shown.filter((subject) => subject.includes('Release plan'))).toEqual([]);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(all.filter((subject) => !subject.includes('Release plan')));

    // wren thread read: Mark Thread as Read, on the server before it returns; a thread read already says so.
    const lunch = f.local('INBOX').find((row) => row.subject === 'Lunch on Friday')!.id;
    expect((await cli(['thread', 'read', String(lunch)])).stdout).toBe(`Marked 1 message of the thread of message ${lunch} read\n`);
    expect(await flagsOf('Lunch on Friday')).toContain('\\Seen');
    expect((await cli(['thread', 'read', String(id)])).stdout).toBe(`Every message of the thread of message ${id} is read already\n`);
  });
});
