import { describe, expect, it } from 'vitest';
import { conversationMessage } from '../../lab/conversation-messages';
import { cliAccount } from './cli-account';

interface Listed { id: number; subject: string; thread?: { depth: number; rootId: number; size: number; unread: number; collapsed: boolean } }

/** `wren list --threads`: the built CLI, whose threaded listing is arranged in the search worker, against Dovecot. */
describe('wren list --threads', () => {
  const { wren } = cliAccount(async (lab) => {
    const alice = lab.users[0]!.email;
    const ann = 'Ann <ann@example.test>';
    await lab.seed(alice, 'INBOX', [
      conversationMessage({ id: 'p1', from: ann, to: alice, subject: 'Plan', date: 'Tue, 1 Dec 2026 09:00:00 +0000', body: 'Plan?' }),
      conversationMessage({ id: 'p2', inReplyTo: 'p1', from: ann, to: alice, subject: 'Re: Plan', date: 'Tue, 1 Dec 2026 11:00:00 +0000', body: 'Yes.' }),
      conversationMessage({ id: 'p3', inReplyTo: 'p2', from: ann, to: alice, subject: 'Re: Re: Plan', date: 'Tue, 1 Dec 2026 12:00:00 +0000', body: 'Good.' }),
      conversationMessage({ id: 'x1', from: ann, to: alice, subject: 'Отчёт', date: 'Tue, 1 Dec 2026 10:00:00 +0000', body: 'Hi.' }),
    ]);
    // A second thread whose middle message is not in the Inbox (the user's answer, in Sent): the reply
    // to it names the thread's first message in its References, folded over two lines.
    await lab.seed(alice, 'INBOX', [
      conversationMessage({ id: 'q1', from: ann, to: alice, subject: 'Budget', date: 'Mon, 30 Nov 2026 09:00:00 +0000', body: 'Budget?' }),
      conversationMessage({ id: 'q3', inReplyTo: 'q2', references: ['q1', 'q2'], from: ann, to: alice, subject: 'Re: Budget', date: 'Mon, 30 Nov 2026 11:00:00 +0000', body: 'Thanks.' }),
    ]);
    // A Chinese sender (RFC 2047), in a folder of its own so the Inbox's listings stay as they are.
    const wangFang = `=?UTF-8?B?${Buffer.from('王芳').toString('base64')}?= <boss@example.cn>`;
    await lab.seed(alice, 'Archive', [
      conversationMessage({ id: 'w1', from: wangFang, to: alice, subject: '周报', date: 'Mon, 30 Nov 2026 08:00:00 +0000', body: '附上。' }),
      conversationMessage({ id: 'w2', from: ann, to: alice, subject: 'Wang Street', date: 'Mon, 30 Nov 2026 07:00:00 +0000', body: 'Hi.' }),
    ]);
  });

  it('lists replies under what they answer, each thread where its newest message sorts, with depth and counts', async () => {
    const listed = JSON.parse((await wren(['list', 'Work', 'INBOX', '--threads', '--json'])).stdout) as Listed[];
    expect(listed.map((m) => [m.subject, m.thread?.depth])).toEqual([
      ['Plan', 0], ['Re: Plan', 1], ['Re: Re: Plan', 2], ['Отчёт', 0], ['Budget', 0], ['Re: Budget', 1],
    ]);
    expect(listed[2]!.thread).toEqual({ depth: 2, rootId: listed[0]!.id, size: 3, unread: 3, collapsed: false });
    const flat = JSON.parse((await wren(['list', 'Work', 'INBOX', '--json'])).stdout) as Listed[];
    expect(flat.map((m) => m.subject)).toEqual(['Re: Re: Plan', 'Re: Plan', 'Отчёт', 'Plan', 'Re: Budget', 'Budget']);
    expect(flat.every((m) => m.thread === undefined)).toBe(true);
  });

  it('indents the replies in its text output, and pages through threads like any listing', async () => {
    const text = await wren(['list', 'Work', 'INBOX', '--threads', '--offset', '1', '--limit', '2']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.trimEnd().split('\n').map((line) => line.split('\t')[3])).toEqual(['  Re: Plan', '    Re: Re: Plan']);
  });

  it('--collapsed lists each thread as one row with how many messages it holds, and wants --threads', async () => {
    const listed = JSON.parse((await wren(['list', 'Work', 'INBOX', '--threads', '--collapsed', '--json'])).stdout) as Listed[];
    expect(listed.map((m) => [m.subject, m.thread?.collapsed, m.thread?.size])).toEqual([['Plan', true, 3], ['Отчёт', false, 1], ['Budget', true, 2]]);
    const text = await wren(['list', 'Work', 'INBOX', '--threads', '--collapsed']);
    expect(text.stdout.trimEnd().split('\n').map((line) => line.split('\t')[3])).toEqual(['Plan (3)', 'Отчёт', 'Budget (2)']);
    const alone = await wren(['list', 'Work', 'INBOX', '--collapsed']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--collapsed goes with --threads');
  });

  it('--text keeps the messages whose sender, recipients or subject hold every word, flat or in threads', async () => {
    const flat = JSON.parse((await wren(['list', 'Work', 'INBOX', '--text', 'PLAN', '--json'])).stdout) as Listed[];
    expect(flat.map((m) => m.subject)).toEqual(['Re: Re: Plan', 'Re: Plan', 'Plan']);
    const twoWords = JSON.parse((await wren(['list', 'Work', 'INBOX', '--text', 'ann budget', '--json'])).stdout) as Listed[];
    expect(twoWords.map((m) => m.subject)).toEqual(['Re: Budget', 'Budget']);
    const threaded = JSON.parse((await wren(['list', 'Work', 'INBOX', '--threads', '--text', 're:', '--json'])).stdout) as Listed[];
    // The filter applies first: the replies whose first message it leaves out start threads of their own.
    expect(threaded.map((m) => [m.subject, m.thread?.depth])).toEqual([['Re: Plan', 0], ['Re: Re: Plan', 1], ['Re: Budget', 0]]);
    expect(JSON.parse((await wren(['list', 'Work', 'INBOX', '--text', 'nobody-has-this', '--json'])).stdout)).toEqual([]);
    // Any case of any script, on the worker's connection too (SQLite's LIKE alone folds ASCII only).
    const cyrillic = JSON.parse((await wren(['list', 'Work', 'INBOX', '--text', 'ОТЧЁТ', '--json'])).stdout) as Listed[];
    expect(cyrillic.map((m) => m.subject)).toEqual(['Отчёт']);
  });

  it('--text finds a Chinese sender by pinyin, whole or by initials, read in the search worker', async () => {
    const subjectsFor = async (text: string) => (JSON.parse((await wren(['list', 'Work', 'Archive', '--text', text, '--json'])).stdout) as Listed[]).map((m) => m.subject);
    expect(await subjectsFor('wangfang')).toEqual(['周报']);
    expect(await subjectsFor('wf')).toEqual(['周报']);
    expect(await subjectsFor('wang')).toEqual(['周报', 'Wang Street']);
    expect(await subjectsFor('王芳')).toEqual(['周报']);
    expect(await subjectsFor('lifang')).toEqual([]);
  });
});
