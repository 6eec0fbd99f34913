import { describe, expect, it } from 'vitest';
import type { ImapClient } from '../../../src-main/imap/imap-client';
import { withFolder } from '../../../src-main/imap/with-folder';

/**
 * imapflow's mailbox lock as far as withFolder sees it: one holder at a time,
 * in order; SELECT (a new mailbox object) only when another folder is
 * selected, the fast path otherwise. Records the commands sent.
 */
function lockingClient(selected: string, extensions: string[] = []) {
  const commands: string[] = [];
  let held: Promise<void> = Promise.resolve();
  const client = {
    enabled: new Set<string>(extensions),
    mailbox: { path: selected, uidValidity: 1n, uidNext: 10, exists: 9 } as { path: string },
    on: () => undefined,
    off: () => undefined,
    async getMailboxLock(path: string) {
      const before = held;
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      await before;
      if (client.mailbox.path !== path) {
        commands.push(`SELECT ${path}`);
        client.mailbox = { path, uidValidity: 1n, uidNext: 10, exists: 9 } as { path: string };
      }
      return { release };
    },
    async mailboxOpen(path: string) {
      commands.push(`SELECT ${path} (QRESYNC)`);
      client.mailbox = { path, uidValidity: 1n, uidNext: 10, exists: 9 } as { path: string };
    },
    async noop() {
      commands.push(`NOOP ${client.mailbox.path}`);
      return true;
    },
  };
  return { client: client as unknown as ImapClient, commands };
}

describe('withFolder', () => {
  it('brings a folder another command selected and worked in while this one waited up to date (NOOP)', async () => {
    const { client, commands } = lockingClient('Sent');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sent = withFolder(client, 'Sent', () => gate);
    // Both queued while Sent is selected: the first selects Drafts, the second finds it selected.
    const first = withFolder(client, 'Drafts', async () => void commands.push('work 1'));
    const second = withFolder(client, 'Drafts', async () => void commands.push('work 2'));
    open();
    await Promise.all([sent, first, second]);
    expect(commands).toEqual(['NOOP Sent', 'SELECT Drafts', 'work 1', 'NOOP Drafts', 'work 2']);
  });

  it('with QRESYNC, selects such a folder again with its known state, so what vanished meanwhile is reported', async () => {
    const { client, commands } = lockingClient('Sent', ['QRESYNC']);
    const since = { uidValidity: 1, modseq: 5 };
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sent = withFolder(client, 'Sent', () => gate);
    const first = withFolder(client, 'Drafts', async () => void commands.push('work 1'), { since });
    const second = withFolder(client, 'Drafts', async () => void commands.push('work 2'), { since });
    open();
    await Promise.all([sent, first, second]);
    expect(commands).toEqual(['NOOP Sent', 'SELECT Drafts', 'work 1', 'SELECT Drafts (QRESYNC)', 'work 2']);
  });

  it('sends no NOOP right after its own SELECT', async () => {
    const { client, commands } = lockingClient('INBOX');
    await withFolder(client, 'Drafts', async () => void commands.push('work'));
    expect(commands).toEqual(['SELECT Drafts', 'work']);
  });
});
