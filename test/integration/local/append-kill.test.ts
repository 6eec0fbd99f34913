import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { journalLab } from '../journal/journal-lab';
import { killPoint, replayKilledAfter } from '../journal/killed-replay';
import { killPoints } from '../kill-loop';
import { localFolder, localMessages, serverSources } from './local-lab';

/** How many times the replaying process is killed (kill -9) at a random point. */
const KILL_ROUNDS = 10;
/** Messages per round: an APPEND each, so kills fall between and inside them. */
const PER_ROUND = 5;
const KILL_WINDOW_MS = 150;

describe('local → IMAP moves: the APPEND replay killed (kill -9) at random points', () => {
  const f = journalLab();

  it(`appends every message exactly once, flags kept, after ${KILL_ROUNDS} kills`, async () => {
    const next = killPoints('append-kill');
    const outgoing = await localFolder(f.wren, 'Outgoing');
    await f.seed('Appended', 1);
    const expected: string[] = [];
    const killedAt: string[] = [];
    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const files = Array.from({ length: PER_ROUND }, (_, index) => {
        const id = `<kill-${round}-${index}@example.test>`;
        const file = join(f.wren.dir, `kill-${round}-${index}.eml`);
        writeFileSync(file, `From: K <k@example.test>\r\nSubject: Kill ${round}.${index}\r\nMessage-ID: ${id}\r\nStatus: RO\r\n\r\n${'body line\r\n'.repeat(5000)}`);
        expected.push(id);
        return file;
      });
      await f.wren.call('folders.import', { folderId: outgoing, files });
      // As the UI would, without the core's own prompt replay: the killed process replays.
      applyOperation(f.wren.core.store, { kind: 'move', messageIds: localMessages(f.wren, outgoing).map((m) => m.id), folderId: f.folderId('Appended') });
      await replayKilledAfter(f, Math.floor(next() * KILL_WINDOW_MS));
      killedAt.push(killPoint(f));
    }
    console.log(`append-kill kills: ${killedAt.join(', ')}`);
    await f.wren.core.sync.run(f.accountId, false);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    expect(f.failed).toEqual([]);

    const server = (await serverSources(f.lab, f.user, 'Appended')).filter((m) => m.messageId.startsWith('<kill-'));
    expect(server.map((m) => m.messageId).sort()).toEqual([...expected].sort()); // each once: none lost, none duplicated
    expect(server.every((m) => m.flags.includes('\\Seen'))).toBe(true);
    expect(localMessages(f.wren, outgoing)).toEqual([]);
  }, 600_000);
});
