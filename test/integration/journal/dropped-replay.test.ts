import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { startLab, type Lab } from '../../lab/lab';
import { command, startScriptedImap, type ScriptedImap } from '../../lab/scripted-imap';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { JournalFixture, onServer, subjects } from './journal-lab';

/**
 * The line drops in the middle of a replay, at the worst moment: the server
 * has done the MOVE (or COPY) but its tagged OK never arrives. The next
 * replays must find what already arrived and not do it again.
 */
describe('a connection dropped mid-replay', () => {
  let lab: Lab;
  let imap: ScriptedImap;
  let wren: TestCore;
  let f: JournalFixture;
  const bob = () => lab.users[1]!;

  beforeAll(async () => {
    lab = await startLab();
    imap = await startScriptedImap(lab.ports.imap);
    wren = startCore();
    const draft = labDraft(lab, bob());
    const accountId = (await wren.call('accounts.add', {
      ...draft, smtp: null, allowPlaintext: true, trustedCertSha256: undefined, incoming: { ...draft.incoming, port: imap.port, security: 'none' },
    })).id;
    f = new JournalFixture({ lab, wren, accountId, user: bob().email });
  });
  afterAll(async () => {
    await wren?.dispose();
    await imap?.close();
    await lab?.stop();
  });

  it('ends with the server as asked after reconnecting: none lost, none duplicated', async () => {
    const seeded = await f.seed('Drop', 4);
    await f.seed('DropTo', 1);
    await f.seed('DropCopy', 1);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const before = { DropTo: subjects(f.local('DropTo')), DropCopy: subjects(f.local('DropCopy')) };
    // Journaled as the UI does, without the core's own prompt replay.
    applyOperation(wren.core.store, { kind: 'move', messageIds: [ids[0]!, ids[1]!], folderId: f.folderId('DropTo') });
    applyOperation(wren.core.store, { kind: 'copy', messageIds: [ids[2]!], folderId: f.folderId('DropCopy') });
    applyOperation(wren.core.store, { kind: 'flags', messageIds: [ids[3]!], add: ['\\Flagged'], remove: [] });
    // The server does each, but its OK never arrives: BYE and the line is cut instead.
    imap.script({ when: command('UID MOVE'), action: { cutBeforeTagged: true, text: 'Connection dropped (scripted)' } });
    imap.script({ when: command('UID COPY'), action: { cutBeforeTagged: true, text: 'Connection dropped (scripted)' } });

    await expect(wren.core.sync.run(f.accountId, false)).rejects.toMatchObject({ code: 'ConnectionLost' });
    expect(wren.core.status.get(f.accountId).state).toBe('offline');
    await expect(wren.core.sync.run(f.accountId, false)).rejects.toMatchObject({ code: 'ConnectionLost' });
    expect(wren.core.store.operations.countUnfinished(f.accountId)).toBeGreaterThan(0); // kept, not dropped
    await wren.core.sync.run(f.accountId, false); // back online
    await f.settled();

    expect(f.failed).toEqual([]);
    expect(imap.seen.filter((c) => c.startsWith('UID MOVE') || c.startsWith('UID COPY'))).toHaveLength(2); // each sent once
    expect(subjects(await onServer(lab, bob().email, 'DropTo'))).toEqual([...before.DropTo, names[0]!, names[1]!].sort());
    expect(subjects(await onServer(lab, bob().email, 'DropCopy'))).toEqual([...before.DropCopy, names[2]!].sort());
    const left = await onServer(lab, bob().email, 'Drop');
    expect(subjects(left)).toEqual([names[2]!, names[3]!].sort());
    expect(left.find((m) => m.subject === names[3])?.flags).toContain('\\Flagged');
    expect(subjects(f.local('DropTo'))).toEqual([...before.DropTo, names[0]!, names[1]!].sort());
    expect(subjects(f.local('DropCopy'))).toEqual([...before.DropCopy, names[2]!].sort());
  });
});
