import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import { codedWarning } from '../../../src-main/errors/warning-codes';
import type { Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft } from '../imap/lab-core';

const BIG_TEXT = Array.from({ length: 6000 }, (_, i) => `Line ${i} of a long letter that fills several database pages.`).join('\r\n');
const message = (subject: string, text: string) =>
  `From: alice@example.test\r\nTo: bob@example.test\r\nSubject: ${subject}\r\nDate: Mon, 02 Jun 2025 09:30:00 +0000\r\n` +
  `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`;

/** Writes zeros until the file system says ENOSPC: a genuinely full disk. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('opening cached mail with the disk full (a real tmpfs, filled)', () => {
  let lab: Lab;
  let root: string;
  let mountPoint: string;
  let core: WrenCore;
  let call: <M extends Method>(method: M, params: ParamsOf<M>) => Promise<ResultOf<M>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [message('source only', BIG_TEXT), message('body cached', 'A short cached note.')]);
    root = mkdtempSync(join(tmpdir(), 'wren-full-disk-'));
    mountPoint = join(root, 'small-disk');
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    core = WrenCore.open({ dataDir: join(mountPoint, 'data'), mode: 'cli', secrets: new KeyFileSecretStore(join(root, 'keys', 'secret.key')), syncIntervalMs: 0, syncWorkerPath: null });
    const handlers = createHandlers(core);
    call = (method, params) => dispatch(handlers, method, params) as never;
    const accountId = (await call('accounts.add', labDraft(lab, alice))).id;
    await core.sync.run(accountId, true); // --bodies: every source is cached, no parsed body yet
    const inbox = (await call('folders.list', { accountId })).find((f) => f.path === 'INBOX')!;
    for (const item of (await call('messages.list', { folderId: inbox.id })).items) ids[item.subject] = item.id;
    // One message already opened (its parsed body cached), then marked unread again.
    await call('messages.read', { messageId: ids['body cached']! });
    await call('messages.setFlags', { messageId: ids['body cached']!, seen: false });
    // From here on every write must grow a file: an empty WAL, then no free byte left.
    core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    fillDisk(join(mountPoint, 'filler'));
  });
  afterAll(async () => {
    await core?.close();
    if (mountPoint) execFileSync('umount', [mountPoint]);
    if (root) rmSync(root, { recursive: true, force: true });
    await lab?.stop();
  });

  it('a cached source opens and shows its text; not being able to cache or mark it read is DiskFull, not a bug', async () => {
    const view = await call('messages.read', { messageId: ids['source only']! });
    expect(view.text).toContain('Line 5999 of a long letter');
    expect(view.warnings).toContain(codedWarning('DiskFull'));
    expect(view.seen).toBe(false);
  });

  it('a freshly started core (as each `wren read` is) opens on the full disk and reads cached mail', async () => {
    const fresh = WrenCore.open({ dataDir: join(mountPoint, 'data'), mode: 'cli', secrets: new KeyFileSecretStore(join(root, 'keys', 'secret.key')), syncIntervalMs: 0, syncWorkerPath: null });
    try {
      const view = await dispatch(createHandlers(fresh), 'messages.read', { messageId: ids['body cached']! }) as ResultOf<'messages.read'>;
      expect(view.text).toContain('A short cached note.');
    } finally {
      await fresh.close();
    }
  });

  it('a cached body opens although marking it read fails, and the failed write is reported, not left unhandled', async () => {
    const view = await call('messages.read', { messageId: ids['body cached']! });
    expect(view.text).toContain('A short cached note.');
    expect(view.warnings).toEqual([codedWarning('DiskFull')]);
    expect(view.seen).toBe(false);
  });
});
