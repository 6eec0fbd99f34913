import { describe, expect, it } from 'vitest';
import { readCommand } from '../../../src-main/cli/commands/read-command';
import { changes, fakeCli } from './fake-cli';

describe('wren read', () => {
  it('opening an unread message sends the queued \\Seen to the server before it ends (a replay of its account journal)', async () => {
    const cli = fakeCli();
    await readCommand(cli.context, ['100']);
    expect(changes(cli.calls).map((c) => c.method)).toEqual(['messages.read', 'sync.run']);
    expect(changes(cli.calls)[1]!.params).toEqual({ accountId: 1, bodies: false, replayOnly: true });
    expect(cli.stdout()).toContain('Subject: Hello');
  });

  it('a message read before queues nothing, so nothing is sent', async () => {
    const cli = fakeCli();
    await readCommand(cli.context, ['101']);
    expect(changes(cli.calls).map((c) => c.method)).toEqual(['messages.read']);
  });

  it('offline, says the next sync will tell the server', async () => {
    const cli = fakeCli({ syncOutcome: (accountId) => ({ summaries: [], failures: [{ accountId, error: { code: 'ConnectionRefused', message: 'refused' } }] }) });
    await readCommand(cli.context, ['100']);
    expect(cli.stderr()).toMatch(/could not be told that message 100 was read; the next sync will tell it/);
  });
});
