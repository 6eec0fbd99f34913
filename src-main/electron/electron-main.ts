import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { createHandlers } from '../app/handlers';
import { WrenCore } from '../app/wren-core';
import { toErrorShape } from '../errors/wren-error';
import { KeyFileSecretStore } from '../secrets/key-file-secret-store';
import { inboxUnread } from '../app/inbox-unread';
import { bridgeIpc } from './ipc-bridge';
import { showNewMailAlerts } from './new-mail-alerts';
import { SafeStorageSecretStore, safeStorageIsReal } from './safe-storage-secret-store';
import { installWindowSecurity } from './window-security';
import { windowOptions } from './window-options';

/** The desktop app: the core plus one locked-down window. Kept thin; the core runs without Electron too. */
function createWindow(core: WrenCore): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(__dirname, '..', 'preload', 'preload.cjs')));
  const handlers = createHandlers(core, {
    chooseAttachmentPath: async (suggestedName) => {
      const choice = await dialog.showSaveDialog(window, { defaultPath: join(app.getPath('downloads'), suggestedName) });
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    pickAttachmentFiles: async () => {
      const choice = await dialog.showOpenDialog(window, { properties: ['openFile', 'multiSelections'] });
      return choice.canceled ? [] : choice.filePaths;
    },
  });
  const unbridge = bridgeIpc(window, handlers, core.events);
  window.on('closed', unbridge);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(join(__dirname, '..', 'renderer', 'index.html'));
  return window;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: BrowserWindow | null = null;
  let core: WrenCore | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(() => {
    installWindowSecurity();
    core = WrenCore.open({
      dataDir: app.getPath('userData'),
      mode: 'electron',
      secrets: safeStorageIsReal() ? new SafeStorageSecretStore() : new KeyFileSecretStore(join(app.getPath('appData'), 'wren-keys', 'secret.key')),
      syncIntervalMs: 5 * 60_000,
      push: true,
    });
    window = createWindow(core);
    const opened = core;
    showNewMailAlerts(opened.events, () => inboxUnread(opened.store), () => window);
    core.sync.start(core.store.accounts.list().map((a) => a.id), false);
  }).catch((error) => {
    dialog.showErrorBox('Wren cannot start', toErrorShape(error).message);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    // Let the sync worker and the database close cleanly before the process goes.
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

start();
