import { realpathSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { expungeMessages } from '../../../src-main/imap/expunge-messages';
import { fsyncLog } from '../../unit/store/fsync-log';
import { journalLab, onServer, subjects } from '../journal/journal-lab';
import { localFolder, localMessages } from './local-lab';

vi.mock('node:fs', async (importOriginal) => (await import('../../unit/store/fsync-log')).withFsyncLog(importOriginal));
vi.mock('../../../src-main/imap/expunge-messages', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/imap/expunge-messages')>();
  return { expungeMessages: vi.fn(real.expungeMessages) };
});

describe('a move from IMAP into a local folder, against Dovecot', () => {
  const f = journalLab();

  it('the server loses its copy only once the local one is on the disk: the WAL is flushed before the EXPUNGE', async () => {
    const kept = await localFolder(f.wren, 'Durable');
    const seeded = await f.seed('ToDurable', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const { store } = f.wren.core;
    const wal = `${realpathSync(store.db.name)}-wal`;
    // The fsyncs since the move was journaled (the move and its EXPUNGE entry commit in one transaction).
    let sinceMoved = Number.POSITIVE_INFINITY;
    const add = store.operations.add.bind(store.operations);
    vi.spyOn(store.operations, 'add').mockImplementation((entry, items) => {
      if (entry.action === 'expunge') sinceMoved = fsyncLog.length;
      return add(entry, items);
    });
    const walFlushed: boolean[] = [];
    const expunge = vi.mocked(expungeMessages);
    const real = expunge.getMockImplementation()!;
    expunge.mockImplementation((client, uids) => {
      walFlushed.push(fsyncLog.slice(sinceMoved).includes(wal));
      return real(client, uids);
    });

    await f.wren.call('messages.apply', { kind: 'move', messageIds: [ids[0]!], folderId: kept });
    await f.settled();
    expect(subjects(await onServer(f.lab, f.user, 'ToDurable'))).toEqual([names[1]]);
    expect(localMessages(f.wren, kept).map((m) => m.subject)).toEqual([names[0]]);
    // synchronous = NORMAL: the move's commit is in the WAL file, not yet on the disk; a power loss after
    // the EXPUNGE would take the only copy back, and the next sync would find the message gone from the server.
    expect(walFlushed).toEqual([true]);
  });
});
