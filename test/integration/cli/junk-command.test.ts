import { describe, expect, it } from 'vitest';
import { corpusSource, trainingGood, trainingJunk, unseenGood, unseenJunk, type CorpusMessage } from '../../lab/junk-corpus';
import { onServer, subjects } from '../journal/journal-lab';
import { cliAccount } from './cli-account';

const corpus = [...trainingJunk, ...trainingGood, unseenJunk, unseenGood];

/** `wren junk`: Junk and Not Junk as the window's (the filter learns), its training, and Run Junk Mail Controls, against Dovecot. */
describe('wren junk', () => {
  const fixture = cliAccount(async (lab) => {
    const alice = lab.users[0]!.email;
    await lab.seed(alice, 'INBOX', corpus.map((message, n) => corpusSource(message, n, alice)));
  });
  const { wren } = fixture;
  const server = (folder: string) => onServer(fixture.lab, fixture.lab.users[0]!.email, folder);

  it('marks junk and not junk (on the server too), learns from it, scores a folder, and forgets on reset', async () => {
    const before = await wren(['junk', 'status']);
    expect(before.stdout.trim()).toBe('Learnt from 0 messages marked junk and 0 messages marked not junk (0 tokens). It scores new mail once it has one of each.');
    const rows = JSON.parse((await wren(['list', 'Work', 'INBOX', '--json'])).stdout) as { id: number; subject: string }[];
    const idsOf = (messages: CorpusMessage[]) => messages.map((message) => String(rows.find((row) => row.subject === message.subject)!.id));

    const junked = await wren(['junk', ...idsOf(trainingJunk)]);
    expect(junked.code, junked.stderr).toBe(0);
    expect(junked.stdout).toContain(`Marked ${trainingJunk.length} messages junk`);
    const inJunk = await server('Junk');
    expect(subjects(inJunk)).toEqual(subjects(trainingJunk));
    expect(inJunk.every((message) => message.flags.includes('$Junk'))).toBe(true);
    const unjunked = await wren(['junk', ...idsOf(trainingGood), '--not']);
    expect(unjunked.code, unjunked.stderr).toBe(0);
    expect(JSON.parse((await wren(['junk', 'status', '--json'])).stdout)).toMatchObject({ junk: trainingJunk.length, good: trainingGood.length, ready: true });

    // The marked good ones carry $NotJunk and are left alone: the two never marked are scored.
    const ran = await wren(['junk', 'run', 'Work', 'INBOX']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('Scored 2 messages: 1 junk');
    const inbox = await server('INBOX');
    expect(inbox.find((message) => message.subject === unseenJunk.subject)?.flags).toContain('$Junk');
    expect(inbox.find((message) => message.subject === unseenGood.subject)?.flags).not.toContain('$Junk');

    // New junk a CLI sync brings is screened before the command ends: marked here, and on the server.
    await fixture.lab.seed(fixture.lab.users[0]!.email, 'INBOX', [corpusSource({ ...unseenJunk, subject: '恭喜您中奖 再次领取' }, 90, fixture.lab.users[0]!.email)]);
    const synced = await wren(['sync']);
    expect(synced.code, synced.stderr).toBe(0);
    const after = JSON.parse((await wren(['list', 'Work', 'INBOX', '--json'])).stdout) as { subject: string; flags: string[] }[];
    expect(after.find((row) => row.subject === '恭喜您中奖 再次领取')?.flags).toContain('$Junk');
    expect((await wren(['list', 'Work', 'INBOX'])).stdout).toMatch(/\t恭喜您中奖 再次领取 \[junk\]\n/);
    const resynced = await wren(['sync']);
    expect(resynced.code, resynced.stderr).toBe(0);
    expect((await server('INBOX')).find((message) => message.subject === '恭喜您中奖 再次领取')?.flags).toContain('$Junk');

    expect((await wren(['junk', 'reset'])).stdout).toContain('The junk filter forgot its training.');
    expect(JSON.parse((await wren(['junk', 'status', '--json'])).stdout)).toEqual({ junk: 0, good: 0, tokens: 0, ready: false });
  });

  it('refuses what it does not know with the usage', async () => {
    for (const args of [['junk'], ['junk', 'status', '--not'], ['junk', 'run', 'Work']]) {
      const refused = await wren(args);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('Usage: wren junk ID... [--not]');
    }
  });
});
