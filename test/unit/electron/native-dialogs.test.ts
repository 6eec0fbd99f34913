import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogReturnValue, SaveDialogReturnValue } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import { nativeDialogs } from '../../../src-main/electron/native-dialogs';
import type { Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { attachmentsMessage, GBK_NOTE } from '../../lab/attachments-message';

/** Stands in for Electron's dialog module: answers with what the test sets and records what it was asked. */
class DialogStandIn {
  asked: Array<{ kind: 'open' | 'save'; options: unknown }> = [];
  nextOpen: OpenDialogReturnValue = { canceled: true, filePaths: [] };
  nextSave: SaveDialogReturnValue = { canceled: true, filePath: '' };

  showOpenDialog = async (_window: BrowserWindow, options: unknown) => {
    this.asked.push({ kind: 'open', options });
    return this.nextOpen;
  };

  showSaveDialog = async (_window: BrowserWindow, options: unknown) => {
    this.asked.push({ kind: 'save', options });
    return this.nextSave;
  };
}

const MESSAGE = 'From: A <a@example.test>\r\nSubject: picked in a dialog\r\nMessage-ID: <dialog@example.test>\r\n\r\nHello\r\n';

let dir: string;
let core: WrenCore;
let dialog: DialogStandIn;
let call: <M extends Method>(method: M, params: ParamsOf<M>) => Promise<ResultOf<M>>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-dialogs-'));
  core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'cli', secrets: new KeyFileSecretStore(join(dir, 'key')), syncIntervalMs: 0, syncWorkerPath: null });
  dialog = new DialogStandIn();
  const window = {} as BrowserWindow;
  const handlers = createHandlers(core, nativeDialogs(dialog as unknown as Dialog, window, { downloads: '/home/u/Downloads', documents: '/home/u/Documents' }));
  call = (method, params) => dispatch(handlers, method, params) as never;
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron import and export dialogs (a stand-in answers for the native dialog)', () => {
  it('imports the files chosen in the open dialog, and exports to the path chosen in the save dialog', async () => {
    const folder = await call('folders.create', { accountId: null, name: 'From dialog' });
    const eml = join(dir, 'picked.eml');
    writeFileSync(eml, MESSAGE);
    dialog.nextOpen = { canceled: false, filePaths: [eml] };
    expect(await call('folders.import', { folderId: folder.id })).toEqual({ imported: 1, skipped: 0, files: 1 });
    expect(dialog.asked[0]).toEqual({ kind: 'open', options: { properties: ['openFile', 'multiSelections'] } });

    const target = join(dir, 'saved.mbox');
    dialog.nextSave = { canceled: false, filePath: target };
    expect(await call('folders.export', { folderId: folder.id, format: 'mbox' })).toEqual({ savedTo: target, exported: 1 });
    // The save dialog starts in Documents with the folder's name.
    expect(dialog.asked[1]).toEqual({ kind: 'save', options: { defaultPath: '/home/u/Documents/From dialog.mbox' } });
    expect(readFileSync(target, 'latin1')).toContain('Subject: picked in a dialog');
  });

  it('a cancelled dialog imports nothing and exports nothing, without an error to show', async () => {
    const folder = await call('folders.create', { accountId: null, name: 'Cancelled' });
    expect(await call('folders.import', { folderId: folder.id })).toEqual({ imported: 0, skipped: 0, files: 0 });
    expect(await call('folders.export', { folderId: folder.id, format: 'mbox' })).toEqual({ savedTo: null, exported: 0 });
    expect(dialog.asked.map((a) => a.kind)).toEqual(['open', 'save']);
  });

  it('saves all of a message\'s attachments into the folder chosen, beside what is there; a cancelled dialog saves none', async () => {
    const folder = await call('folders.create', { accountId: null, name: 'With files' });
    const eml = join(dir, 'files.eml');
    writeFileSync(eml, await attachmentsMessage('Four files'));
    dialog.nextOpen = { canceled: false, filePaths: [eml] };
    await call('folders.import', { folderId: folder.id });
    const messageId = core.store.messages.page(folder.id, 0, 1).items[0]!.id;
    await call('messages.read', { messageId });

    const target = mkdtempSync(join(dir, 'chosen-'));
    writeFileSync(join(target, 'pixel.png'), 'already here');
    dialog.nextOpen = { canceled: false, filePaths: [target] };
    const saved = await call('attachments.saveAll', { messageId });
    expect(dialog.asked.at(-1)).toEqual({ kind: 'open', options: { defaultPath: '/home/u/Downloads', properties: ['openDirectory', 'createDirectory'] } });
    expect(saved.savedTo).toBe(target);
    expect(saved.files.map((file) => basename(file))).toEqual(['纪要.txt', 'pixel (1).png', 'page.html', 'setup.exe']);
    expect(readFileSync(join(target, 'pixel.png'), 'utf8')).toBe('already here');
    expect(readFileSync(join(target, 'pixel (1).png')).subarray(1, 4).toString()).toBe('PNG');
    expect(iconv.decode(readFileSync(join(target, '纪要.txt')), 'gbk')).toBe(GBK_NOTE);

    dialog.nextOpen = { canceled: true, filePaths: [] };
    expect(await call('attachments.saveAll', { messageId })).toEqual({ savedTo: null, files: [] });
  });

  it('saves a message as a .eml file, byte for byte, where the save dialog says; named after its subject; cancelled, nothing', async () => {
    const folder = await call('folders.create', { accountId: null, name: 'To keep' });
    const eml = join(dir, 'keep.eml');
    const source = 'From: A <a@example.test>\r\nSubject: =?UTF-8?B?5Lya6K6u?= Q3/Q4\r\nMessage-ID: <keep@example.test>\r\n\r\nBody\r\n';
    writeFileSync(eml, source);
    await call('folders.import', { folderId: folder.id, files: [eml] });
    const messageId = core.store.messages.page(folder.id, 0, 1).items[0]!.id;

    const target = join(dir, 'chosen.eml');
    dialog.nextSave = { canceled: false, filePath: target };
    expect(await call('messages.saveSource', { messageId })).toEqual({ savedTo: target });
    expect(dialog.asked.at(-1)).toEqual({ kind: 'save', options: { defaultPath: '/home/u/Documents/会议 Q3-Q4.eml' } });
    expect(readFileSync(target, 'latin1')).toBe(source);

    dialog.nextSave = { canceled: true, filePath: '' };
    expect(await call('messages.saveSource', { messageId })).toEqual({ savedTo: null });
  });
});
