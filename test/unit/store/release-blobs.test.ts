import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalFolders } from '../../../src-main/folders/local-folders';
import { importMailFiles } from '../../../src-main/mailfiles/import-mail-files';
import { tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

const MESSAGE = 'From: ann@example.test\nSubject: The same message\nMessage-ID: <same@example.test>\n\nKept twice.\n';

describe('releaseBlobs (a local folder deleted)', () => {
  // Each imports a 50 MB file beside the message (so the import is still under way at the delete): seconds on a busy machine.
  it('keeps a file that an import under way has just found already stored, so its row does not name a deleted file', () => importTwiceWhileDeleting(MESSAGE), 30_000);

  it('keeps it too for a message large enough to be streamed to its own file', () =>
    importTwiceWhileDeleting(MESSAGE.replace('Kept twice.\n', 'a body line of a message over a megabyte\n'.repeat(40_000))), 30_000);

  async function importTwiceWhileDeleting(message: string): Promise<void> {
    const t = tempStore();
    dispose = t.dispose;
    const { store } = t;
    const local = new LocalFolders(store);
    const first = local.create(null, 'First');
    const second = local.create(null, 'Second');
    const eml = join(t.dir, 'same.eml');
    writeFileSync(eml, message);
    await importMailFiles(store, first.id, [eml]);
    const [stored] = store.db.prepare('SELECT s.blob FROM message_sources s JOIN messages m ON m.id = s.message_id WHERE m.folder_id = ?').pluck().all(first.id) as string[];
    const path = store.blobs.pathOf(stored!);
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path, old, old);

    // The same message again into Second, then a large one, so the group is recorded only after a while.
    const large = join(t.dir, 'large.eml');
    writeFileSync(large, `Subject: large\n\n${'a line of a long message\n'.repeat(2_000_000)}`);
    const importing = importMailFiles(store, second.id, [eml, large]);
    while (statSync(path).mtimeMs === old.getTime()) await new Promise((resolve) => setImmediate(resolve));
    local.delete(first.id, true); // for good: the import has taken the stored file for its message: it must stay
    await importing;

    const copy = store.db.prepare("SELECT m.id FROM messages m WHERE m.folder_id = ? AND m.subject = 'The same message'").pluck().get(second.id) as number;
    expect(store.blobs.intact(store.bodies.source(copy)!)).toBe(true);
  }
});
