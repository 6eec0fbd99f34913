import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { journalLab, onServer, subjects } from './journal-lab';

/** A message sent at this instant, with a subject that names it. */
function sentAt(subject: string, date: Date): string {
  return [`From: Ann <ann@example.test>`, 'To: bob@example.test', `Subject: ${subject}`, `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${subject.replace(/\s+/g, '-')}@example.test>`, '', 'Body', ''].join('\r\n');
}

describe('Archive by year or month on a real server (Dovecot with an \\Archive folder)', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  async function seedAndSync(messages: [string, Date][]): Promise<Map<string, number>> {
    await f.lab.seed(bob().email, 'INBOX', messages.map(([subject, date]) => sentAt(subject, date)));
    await f.wren.call('sync.run', { accountId: f.accountId, bodies: false });
    return new Map(f.local('INBOX').map((message) => [message.subject, message.id]));
  }

  it('by month: makes Archive/YEAR/YEAR-MM on the server and moves each message into its month', async () => {
    await f.wren.call('settings.update', { accounts: { [String(f.accountId)]: { archiveGranularity: 'month' } } });
    const ids = await seedAndSync([['June report', new Date(2024, 5, 15, 12)], ['November report', new Date(2026, 10, 20, 12)]]);
    const receipt = await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids.get('June report')!, ids.get('November report')!] });
    expect(receipt).toMatchObject({ affected: 2, undoable: true });
    await f.settled();
    const d = f.wren.core.store.folders.byPath(f.accountId, 'Archive')!.delimiter!;
    expect(subjects(await onServer(f.lab, bob().email, `Archive${d}2024${d}2024-06`))).toEqual(['June report']);
    expect(subjects(await onServer(f.lab, bob().email, `Archive${d}2026${d}2026-11`))).toEqual(['November report']);
    expect(subjects(await onServer(f.lab, bob().email, 'Archive'))).toEqual([]);
    expect(f.failed).toEqual([]);
    // The folder pass after the replay lists them as the server does, nested under Archive.
    const listed = (await f.wren.call('folders.list', { accountId: f.accountId })).map((folder) => folder.path);
    expect(listed).toEqual(expect.arrayContaining([`Archive${d}2024`, `Archive${d}2024${d}2024-06`, `Archive${d}2026${d}2026-11`]));
  });

  it('by year: a year folder another device made meanwhile is the one used, not a name taken', async () => {
    await f.wren.call('settings.update', { accounts: { [String(f.accountId)]: { archiveGranularity: 'year' } } });
    const ids = await seedAndSync([['Old invoice', new Date(2023, 2, 1, 12)]]);
    const d = f.wren.core.store.folders.byPath(f.accountId, 'Archive')!.delimiter!;
    const other = await connectImap(f.lab, bob().email);
    try {
      await other.mailboxCreate(`Archive${d}2023`);
    } finally {
      await other.logout();
    }
    // Not synced since: here the folder is unknown, so Archive makes it and journals its CREATE.
    await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids.get('Old invoice')!] });
    await f.settled();
    expect(subjects(await onServer(f.lab, bob().email, `Archive${d}2023`))).toEqual(['Old invoice']);
    expect(f.failed).toEqual([]);
  });
});
