import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { openWithSystem } from '../../../src-main/electron/open-with-system';
import { startLab, type Lab } from '../../lab/lab';
import { attachmentsMessage, GBK_NOTE } from '../../lab/attachments-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * "Open" in the desktop app, against Dovecot: the attachment is fetched (headers only were synced),
 * copied read-only under the data folder and handed to the OS (a stand-in for Electron's shell that
 * records the path and answers as shell.openPath does).
 */
describe('opening an attachment with the system', () => {
  let lab: Lab;
  let wren: TestCore;
  let messageId: number;
  let dir = '';
  const opened: string[] = [];
  let osAnswer = '';
  const shell = { openPath: async (path: string) => (opened.push(path), osAnswer) };
  const dataDir = () => wren.core.dataDir;
  const partOf = async (filename: string) => {
    const view = await wren.call('messages.read', { messageId });
    return view.attachments.find((a) => a.filename === filename)!.partId;
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [await attachmentsMessage('Files for Friday')]);
    dir = mkdtempSync(join(tmpdir(), 'wren-open-'));
    wren = startCore({ dataDir: join(dir, 'data'), handlerOptions: { openWithSystem: openWithSystem(shell, join(dir, 'data')) } });
    const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    await wren.core.sync.run(accountId, false);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    messageId = wren.core.store.messages.page(inbox.id, 0, 10).items[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands the OS a read-only copy of the attachment, named as in the mail, under the data folder', async () => {
    const { openedAt } = await wren.call('attachments.open', { messageId, partId: await partOf('纪要.txt') });
    expect(opened).toEqual([openedAt]);
    expect(openedAt.startsWith(join(dataDir(), 'opened-attachments'))).toBe(true);
    expect(openedAt.endsWith('/纪要.txt')).toBe(true);
    expect(iconv.decode(readFileSync(openedAt), 'gbk')).toBe(GBK_NOTE);
    expect(statSync(openedAt).mode & 0o777).toBe(0o400);
  });

  it('opens the same attachment twice as two copies, neither overwriting the other', async () => {
    const partId = await partOf('pixel.png');
    const first = (await wren.call('attachments.open', { messageId, partId })).openedAt;
    const second = (await wren.call('attachments.open', { messageId, partId })).openedAt;
    expect(second).not.toBe(first);
    expect(readFileSync(second)).toEqual(readFileSync(first));
    expect(readFileSync(first).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses to open a program, before fetching it, and the OS is never asked', async () => {
    const partId = await partOf('setup.exe');
    const before = opened.length;
    await expect(wren.call('attachments.open', { messageId, partId })).rejects.toMatchObject({ code: 'AttachmentMayRun', details: { filename: 'setup.exe' } });
    expect(opened.length).toBe(before);
    expect(wren.core.store.bodies.part(messageId, partId)).toBeUndefined();
  });

  it('says so when the OS has no application for the file, in the OS’s own words', async () => {
    osAnswer = 'No application is associated with the specified file for this operation.';
    try {
      await expect(wren.call('attachments.open', { messageId, partId: await partOf('page.html') })).rejects.toMatchObject({
        code: 'NoAppToOpen',
        details: { reason: osAnswer },
      });
    } finally {
      osAnswer = '';
    }
  });

  it('removes the last run’s copies at the next start', async () => {
    const copies = join(dataDir(), 'opened-attachments');
    expect(readdirSync(copies).length).toBeGreaterThan(0);
    const kept = opened[0]!;
    openWithSystem(shell, dataDir());
    expect(existsSync(kept)).toBe(false);
    expect(existsSync(dirname(dirname(kept)))).toBe(false);
  });

  it('is refused where there is no desktop to open it with (the web mode opens a tab instead)', async () => {
    const withoutDesktop = createHandlers(wren.core);
    const partId = await partOf('pixel.png');
    await expect(dispatch(withoutDesktop, 'attachments.open', { messageId, partId })).rejects.toMatchObject({ code: 'BadRequest' });
  });
});
