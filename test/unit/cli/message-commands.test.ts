import { describe, expect, it } from 'vitest';
import { deleteCommand, flagCommand, moveOrCopyCommand } from '../../../src-main/cli/commands/message-commands';
import { changes, fakeCli } from './fake-cli';

describe('wren move and copy', () => {
  it('moves into the named folder of the messages\' own account, then sends the change', async () => {
    const cli = fakeCli();
    expect(await moveOrCopyCommand(cli.context, 'move', ['100', '101', 'Archive'])).toBe(0);
    expect(changes(cli.calls)).toEqual([
      { method: 'messages.apply', params: { kind: 'move', messageIds: [100, 101], folderId: 11 } },
      { method: 'sync.run', params: { accountId: 1, bodies: false, replayOnly: true } },
    ]);
    expect(cli.stdout()).toBe('Moved 2 messages to Archive\n');
  });

  it('splits a selection across accounts into one operation per account, each in its own Archive', async () => {
    const cli = fakeCli();
    expect(await moveOrCopyCommand(cli.context, 'copy', ['100', '200', 'Archive'])).toBe(0);
    expect(changes(cli.calls).filter((c) => c.method === 'messages.apply').map((c) => c.params)).toEqual([
      { kind: 'copy', messageIds: [100], folderId: 11 },
      { kind: 'copy', messageIds: [200], folderId: 21 },
    ]);
  });

  it('moves into a folder of another account (--to-account), sending the target account first', async () => {
    const cli = fakeCli();
    expect(await moveOrCopyCommand(cli.context, 'move', ['100', 'Archive', '--to-account', 'Carol'])).toBe(0);
    expect(changes(cli.calls)).toEqual([
      { method: 'messages.apply', params: { kind: 'move', messageIds: [100], folderId: 21 } },
      { method: 'sync.run', params: { accountId: 2, bodies: false, replayOnly: true } },
      { method: 'sync.run', params: { accountId: 1, bodies: false, replayOnly: true } },
    ]);
  });

  it('accepts --to-account naming the messages\' own account', async () => {
    const cli = fakeCli();
    expect(await moveOrCopyCommand(cli.context, 'move', ['100', 'Projects/2026', '--to-account', 'bob@lab.test'])).toBe(0);
    expect(changes(cli.calls)[0]).toEqual({ method: 'messages.apply', params: { kind: 'move', messageIds: [100], folderId: 14 } });
  });

  it('changes nothing when the folder is missing in any of the accounts', async () => {
    const cli = fakeCli();
    await expect(moveOrCopyCommand(cli.context, 'move', ['100', '200', 'Projects'])).rejects.toMatchObject({ code: 'NotFound' });
    expect(changes(cli.calls)).toEqual([]);
  });

  it('needs at least one id and a folder, and ids that are ids', async () => {
    const cli = fakeCli();
    await expect(moveOrCopyCommand(cli.context, 'move', ['Archive'])).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(moveOrCopyCommand(cli.context, 'move', ['1x', 'Archive'])).rejects.toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/not a message id/) });
    await expect(moveOrCopyCommand(cli.context, 'move', ['100', 'Archive', '--bogus'])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    expect(changes(cli.calls)).toEqual([]);
  });

  it('tags and untags by the keys\' numbers or by name (the IMAP keywords Thunderbird uses); --untag all takes every tag', async () => {
    const cli = fakeCli();
    expect(await flagCommand(cli.context, ['100', '--tag', '1', '--tag', 'To-Do', '--untag', 'later'])).toBe(0);
    expect(await flagCommand(cli.context, ['100', '--untag', 'all'])).toBe(0);
    expect(changes(cli.calls).filter((call) => call.method === 'messages.apply').map((call) => call.params)).toEqual([
      { kind: 'flags', messageIds: [100], add: ['$label1', '$label4'], remove: ['$label5'] },
      { kind: 'flags', messageIds: [100], add: [], remove: ['$label1', '$label2', '$label3', '$label4', '$label5'] },
    ]);
  });

  it('refuses a tag it does not know, and one both added and removed', async () => {
    const cli = fakeCli();
    await expect(flagCommand(cli.context, ['100', '--tag', '6'])).rejects.toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/--tag takes 1 to 5 or important, work, personal, todo, later, not "6"/) });
    await expect(flagCommand(cli.context, ['100', '--tag', 'all'])).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(flagCommand(cli.context, ['100', '--tag', 'work', '--untag', '2'])).rejects.toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/both added and removed/) });
    expect(changes(cli.calls)).toEqual([]);
  });
});

describe('wren delete', () => {
  it('deletes to Trash by default and for good with --permanent', async () => {
    const cli = fakeCli();
    expect(await deleteCommand(cli.context, ['100'])).toBe(0);
    expect(await deleteCommand(cli.context, ['101', '--permanent'])).toBe(0);
    expect(changes(cli.calls).filter((c) => c.method === 'messages.apply').map((c) => c.params)).toEqual([
      { kind: 'delete', messageIds: [100], permanent: false },
      { kind: 'delete', messageIds: [101], permanent: true },
    ]);
    expect(cli.stdout()).toBe('Deleted 1 message\nDeleted 1 message for good\n');
  });
});

describe('wren flag', () => {
  it('adds and removes the flags named, both pairs at once', async () => {
    const cli = fakeCli();
    expect(await flagCommand(cli.context, ['100', '101', '--seen', '--unflagged'])).toBe(0);
    expect(changes(cli.calls)[0]).toEqual({ method: 'messages.apply', params: { kind: 'flags', messageIds: [100, 101], add: ['\\Seen'], remove: ['\\Flagged'] } });
  });

  it('refuses a flag both set and cleared, and no flag at all', async () => {
    const cli = fakeCli();
    await expect(flagCommand(cli.context, ['100', '--seen', '--unseen'])).rejects.toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/contradict/) });
    await expect(flagCommand(cli.context, ['100'])).rejects.toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/^Usage/) });
    expect(changes(cli.calls)).toEqual([]);
  });
});

describe('a change made offline', () => {
  it('stays queued, says so on stderr, and exits 0', async () => {
    const cli = fakeCli({ syncOutcome: (accountId) => ({ summaries: [], failures: [{ accountId, error: { code: 'ConnectionRefused', message: 'refused' } }] }) });
    expect(await deleteCommand(cli.context, ['100'])).toBe(0);
    expect(cli.stdout()).toBe('Deleted 1 message\n');
    expect(cli.stderr()).toMatch(/cannot be reached \(ConnectionRefused\).*queued.*next sync/);
  });

  it('a failure that is not the network is an error with its exit code (a refused login 77, else 1), the change still queued', async () => {
    const cli = fakeCli({ syncOutcome: (accountId) => ({ summaries: [], failures: [{ accountId, error: { code: 'AuthFailed', message: 'bad password' } }] }) });
    expect(await deleteCommand(cli.context, ['100'])).toBe(77);
    expect(cli.stderr()).toMatch(/telling the server failed \(AuthFailed\).*stays queued/);
    const full = fakeCli({ syncOutcome: (accountId) => ({ summaries: [], failures: [{ accountId, error: { code: 'DiskFull', message: 'no space' } }] }) });
    expect(await deleteCommand(full.context, ['100'])).toBe(1);
  });

  it('an operation the server refused while sending is reported, exit 1', async () => {
    const cli = fakeCli({
      during: (events) => events.emit('operation.failed', { operationId: 1, accountId: 1, kind: 'move', error: { code: 'ServerSaid', message: 'NO [TRYCREATE]' } }),
    });
    expect(await moveOrCopyCommand(cli.context, 'move', ['100', 'Archive'])).toBe(1);
    expect(cli.stderr()).toMatch(/refused a move \(operation 1\): NO \[TRYCREATE\]/);
  });
});
