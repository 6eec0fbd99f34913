import { beforeAll, describe, expect, it } from 'vitest';
import { RemoteFolders } from '../../../src-main/folders/remote-folders';
import { connectImap } from '../../lab/lab';
import { journalLab } from './journal-lab';
import { killPoints } from '../kill-loop';
import { killPoint, replayKilledAfter } from './killed-replay';

/** How many times a replaying process is killed (kill -9) at a random point; the issue asks for 20. */
const KILL_ROUNDS = 20;
/** A round's replay (four folder entries) takes about this long on the lab once started. */
const KILL_WINDOW_MS = 80;

/** Folder create / rename / delete (into Trash) replayed by a process killed at random points: the server ends with the folders as asked. */
describe('folder operations: replay killed (kill -9) at random points', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;
  const serverFolders = async (prefix = 'K') => {
    const client = await connectImap(f.lab, bob().email);
    try {
      return (await client.list()).map((entry) => entry.path).filter((path) => path.startsWith(prefix)).sort();
    } finally {
      await client.logout();
    }
  };

  beforeAll(async () => {
    await f.wren.core.sync.run(f.accountId, false);
  });

  it(`ends with the folders as asked, each once, after ${KILL_ROUNDS} kills`, async () => {
    const next = killPoints('folder-kill-replay');
    // Journaled as the UI does, without the core's own prompt replay: the killed process replays.
    const folders = new RemoteFolders(f.wren.core.store, () => undefined);
    const killedAt: string[] = [];
    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const made = folders.create(f.accountId, null, `K${round}`);
      folders.create(f.accountId, made.id, 'Sub');
      folders.rename(made.id, `K${round} renamed`);
      if (round > 0) folders.delete(f.folderId(`K${round - 1} renamed`));
      await replayKilledAfter(f, Math.floor(next() * KILL_WINDOW_MS));
      killedAt.push(killPoint(f));
    }
    console.log(`folder-kill-replay kills: ${killedAt.join(', ')}`);
    await f.wren.core.sync.run(f.accountId, false);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    expect(f.failed).toEqual([]);
    const last = `K${KILL_ROUNDS - 1} renamed`;
    expect(await serverFolders()).toEqual([last, `${last}/Sub`]);
    // Each delete moved its folder into Trash (a RENAME), once, with its subfolder.
    const trashed = Array.from({ length: KILL_ROUNDS - 1 }, (_, round) => [`Trash/K${round} renamed`, `Trash/K${round} renamed/Sub`]).flat();
    expect(await serverFolders('Trash/K')).toEqual(trashed.sort());
    const local = f.wren.core.store.folders.list(f.accountId).map((folder) => folder.path).filter((path) => path.startsWith('K')).sort();
    expect(local).toEqual([last, `${last}/Sub`]);
  }, 600_000);
});
