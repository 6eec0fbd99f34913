import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderView } from '../../../src-main/ipc/contract';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { to } from '../outbox/outbox-lab';
import { labMessage, pop3Draft } from '../pop3-sync/pop3-sync-lab';

let lab: Lab;
let wren: TestCore;

beforeAll(async () => {
  lab = await startLab({ users: [{ email: 'pop3-user@example.test', password: 'pop3-secret' }] });
  wren = startCore();
});
afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

const IN_A_YEAR = Date.now() + 365 * 24 * 3600_000;

async function localFolder(path: string): Promise<FolderView | undefined> {
  return (await wren.call('folders.list', { accountId: null })).find((folder) => folder.path === path);
}

async function serverCount(email: string): Promise<number> {
  const client = await connectImap(lab, email);
  try {
    return (await client.mailboxOpen('INBOX', { readOnly: true })).exists;
  } finally {
    await client.logout();
  }
}

async function subjectsIn(folder: FolderView | undefined): Promise<string[]> {
  if (!folder) return [];
  return (await wren.call('messages.list', { folderId: folder.id, offset: 0, limit: 50 })).items.map((m) => m.subject).sort();
}

describe('removing an account keeps what exists nowhere else, in Local Folders', () => {
  it('a POP3 account that deleted its mail from the server: the mail and its unsent message move to Local Folders ▸ its address', async () => {
    const user = lab.users.find((u) => u.email === 'pop3-user@example.test')!;
    await lab.seed(user.email, 'INBOX', [3, 4, 5].map((n) => labMessage(n)));
    const account = await wren.call('accounts.add', { ...pop3Draft(lab, user, { leave: 'delete' }), smtp: labDraft(lab, user).smtp });
    const run = await wren.call('sync.run', { accountId: account.id });
    expect(run.failures).toEqual([]);
    const inbox = (await wren.call('folders.list', { accountId: account.id })).find((folder) => folder.role === 'inbox')!;
    const downloaded = await subjectsIn(inbox);
    expect(downloaded).toHaveLength(3);
    expect(await serverCount(user.email)).toBe(0);
    const later = await wren.call('outbox.send', { message: { accountId: account.id, to: to('bob@example.test'), subject: '留着以后发', text: 'Later' }, sendAt: IN_A_YEAR });
    expect(later.state).toBe('waiting');

    const removed = await wren.call('accounts.remove', { accountId: account.id });

    expect(removed).toEqual({ removed: true, kept: { folder: user.email, messages: 3, unsent: 1 } });
    expect(await wren.call('outbox.list', {})).toEqual([]);
    const kept = await localFolder(`${user.email}/${inbox.path}`);
    expect(kept).toMatchObject({ accountId: null, role: null, total: 3 });
    expect(await subjectsIn(kept)).toEqual(downloaded);
    // Read from this computer alone: the server has none of it any more.
    const first = (await wren.call('messages.list', { folderId: kept!.id, offset: 0, limit: 1 })).items[0]!;
    expect((await wren.call('messages.read', { messageId: first.id })).text).toBeTruthy();
    const unsent = await localFolder(`${user.email}/Unsent`);
    expect(await subjectsIn(unsent)).toEqual(['留着以后发']);
    // Its stored message, kept in the outbox's row until then, is a file now: it reads, and it can be sent again.
    const kept1 = (await wren.call('messages.list', { folderId: unsent!.id, offset: 0, limit: 1 })).items[0]!;
    expect((await wren.call('messages.read', { messageId: kept1.id })).text).toContain('Later');
    // Empty folders of the account (Trash, Sent…) are not brought along.
    expect((await wren.call('folders.list', { accountId: null })).map((f) => f.path).filter((path) => path.startsWith(user.email)).sort()).toEqual(
      [user.email, `${user.email}/${inbox.path}`, `${user.email}/Unsent`].sort(),
    );
  });

  it('the same address removed again keeps its mail beside the first, in "address (2)"', async () => {
    const user = lab.users.find((u) => u.email === 'pop3-user@example.test')!;
    await lab.seed(user.email, 'INBOX', [labMessage(6)]);
    const account = await wren.call('accounts.add', pop3Draft(lab, user, { leave: 'delete' }));
    await wren.call('sync.run', { accountId: account.id });
    const removed = await wren.call('accounts.remove', { accountId: account.id });
    expect(removed.kept).toEqual({ folder: `${user.email} (2)`, messages: 1, unsent: 0 });
  });

  it('an IMAP account with nothing unsent keeps nothing: its mail is the server\'s', async () => {
    const user = lab.users.find((u) => u.email === 'alice@example.test')!;
    const account = await wren.call('accounts.add', labDraft(lab, user, { smtp: null }));
    await wren.call('sync.run', { accountId: account.id });
    expect(await wren.call('accounts.remove', { accountId: account.id })).toEqual({ removed: true, kept: null });
  });
});
