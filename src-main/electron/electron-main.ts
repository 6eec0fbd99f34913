import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, Menu, nativeImage, nativeTheme, powerMonitor, protocol, screen, shell, Tray } from 'electron';
import { createHandlers, type SystemOpener } from '../app/handlers';
import { WrenCore } from '../app/wren-core';
import { toErrorShape } from '../errors/wren-error';
import type { AppCommand, MailLayout, MailtoDraft, SettingsPatchInput } from '../ipc/contract';
import { mailtoInArgs, parseMailto } from '../mailto/parse-mailto';
import { KeyFileSecretStore } from '../secrets/key-file-secret-store';
import { inboxUnread } from '../app/inbox-unread';
import { menuTemplate } from './app-menu';
import { APP_PAGE_URL, registerAppScheme, serveRenderer } from './app-protocol';
import { applyDesktopSettings, hideOnClose, type DesktopShell } from './desktop-settings';
import { IpcBridge } from './ipc-bridge';
import { menuLanguage } from './menu-words';
import { nativeDialogs } from './native-dialogs';
import { openWithSystem } from './open-with-system';
import { showNewMailAlerts } from './new-mail-alerts';
import { SafeStorageSecretStore, safeStorageIsReal } from './safe-storage-secret-store';
import { textMenuTemplate } from './text-context-menu';
import { TrayIcon } from './tray-icon';
import { installWindowSecurity } from './window-security';
import { messageWindowOptions, windowOptions } from './window-options';
import { fitToScreens, readWindowState, trackWindowState, writeWindowState } from './window-state';

// Before ready: app:// must be known as a standard, secure scheme when the first page loads.
registerAppScheme(protocol);

/** Started at login with close to tray on: stay in the tray. */
const HIDDEN_FLAG = '--hidden';
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, '..', 'preload', 'preload.cjs');
/** Packaged: beside app.asar (extraResources); from the source tree: build/. */
const TRAY_ICON = app.isPackaged ? join(process.resourcesPath, 'tray.png') : join(__dirname, '..', '..', 'build', 'tray.png');

/** The desktop app: the core plus its locked-down main window (and any message opened in a window of its own), a tray icon and a menu. Kept thin; the core runs without Electron too. */
class DesktopApp {
  private window: BrowserWindow | null = null;
  private tray: TrayIcon | null = null;
  private quitting = false;
  private pendingMailto: MailtoDraft[] = [];
  private readonly opener: SystemOpener;
  private readonly bridge: IpcBridge;

  constructor(private readonly core: WrenCore) {
    this.opener = openWithSystem(shell, app.getPath('userData'));
    this.bridge = new IpcBridge(core.events);
  }

  start(firstArgs: string[]): void {
    serveRenderer(protocol, RENDERER_DIR);
    this.window = this.createWindow(!firstArgs.includes(HIDDEN_FLAG) || !this.core.settings.settings.app.closeToTray);
    this.tray = new TrayIcon(new Tray(nativeImage.createFromPath(TRAY_ICON)), (t) => Menu.buildFromTemplate(t), {
      show: () => this.show(),
      checkMail: () => this.checkMail(),
      quit: () => this.quit(),
    }, this.language());
    const settings = this.core.settings;
    applyDesktopSettings(this.shell(), settings.settings.app, null);
    this.core.events.on('settings.changed', ({ settings: next, previous }) => applyDesktopSettings(this.shell(), next.app, previous.app));
    showNewMailAlerts(this.core.events, () => inboxUnread(this.core.store), () => this.window, {
      notify: () => settings.settings.app.notifications,
      onUnread: (count) => this.tray?.setUnread(count),
    });
    this.core.sync.start(this.core.store.accounts.list().map((a) => a.id), false);
    // After a sleep the connections are likely dead without a FIN: reconnect now, not at IDLE's timeout.
    powerMonitor.on('resume', () => this.core.sync.wake());
    this.openMailto(mailtoInArgs(firstArgs));
  }

  /** A second `wren` (a mailto: link clicked in another app) hands its link here and quits. */
  onSecondInstance(args: string[]): void {
    this.show();
    this.openMailto(mailtoInArgs(args));
  }

  openMailto(link: string | null): void {
    const draft = link ? parseMailto(link) : null;
    if (!draft) return;
    this.show();
    if (this.window?.webContents.isLoading()) this.pendingMailto.push(draft);
    else this.core.events.emit('compose.mailto', draft);
  }

  quit(): void {
    this.markQuitting();
    app.quit();
  }

  /** Any quit (menu, tray, the OS logging out) closes the window for real, even with close to tray. */
  markQuitting(): void {
    this.quitting = true;
  }

  private createWindow(visible = true): BrowserWindow {
    const statePath = join(app.getPath('userData'), 'window-state.json');
    const state = fitToScreens(readWindowState(statePath), screen.getAllDisplays().map((d) => d.workArea));
    const { x, y, width, height } = state;
    const window = new BrowserWindow({ ...windowOptions(PRELOAD), x, y, width, height });
    if (state.maximized) window.maximize();
    trackWindowState(window, (next) => writeWindowState(statePath, next));
    hideOnClose(window, () => this.core.settings.settings.app.closeToTray, () => this.quitting);
    this.serveWindow(window);
    window.on('closed', () => {
      this.window = null;
    });
    window.once('ready-to-show', () => visible && window.show());
    window.webContents.on('did-finish-load', () => {
      for (const draft of this.pendingMailto.splice(0)) this.core.events.emit('compose.mailto', draft);
    });
    void window.loadURL(APP_PAGE_URL);
    return window;
  }

  /** A message opened in a window of its own (window-security.ts let it open): no menu bar of its own, the main window's commands are not its. */
  serveMessageWindow(window: BrowserWindow): void {
    window.removeMenu();
    this.serveWindow(window);
  }

  /** What every window of the app gets: its share of the core, with dialogs of its own, and the text menu. */
  private serveWindow(window: BrowserWindow): void {
    const dialogs = nativeDialogs(dialog, window, { downloads: app.getPath('downloads'), documents: app.getPath('documents') });
    const detach = this.bridge.attach(window, createHandlers(this.core, { ...dialogs, openWithSystem: this.opener }));
    window.on('closed', detach);
    window.webContents.on('context-menu', (_event, params) => {
      const template = textMenuTemplate(params, this.language(), {
        replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
        addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word),
        copyText: (text) => clipboard.writeText(text),
      });
      if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
    });
  }

  private show(): void {
    this.window ??= this.createWindow();
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  private checkMail(): void {
    this.core.sync.start(this.core.store.accounts.list().map((a) => a.id), false);
  }

  private language() {
    return menuLanguage(this.core.settings.settings.app.language, app.getLocale());
  }

  private shell(): DesktopShell {
    return {
      setThemeSource: (theme) => {
        nativeTheme.themeSource = theme;
      },
      setLoginItem: (openAtLogin, openAsHidden) => app.setLoginItemSettings({ openAtLogin, args: openAsHidden ? [HIDDEN_FLAG] : [] }),
      setMenu: (language) => {
        // The menu's commands act on the main window's list: not while a message window has the focus (macOS shows one menu for all).
        const send = (command: AppCommand) => {
          const focused = BrowserWindow.getFocusedWindow();
          if (!focused || focused === this.window) this.core.events.emit('app.command', { command });
        };
        const { workOffline, layout, messagePane } = this.core.settings.settings.app;
        const change = (app: SettingsPatchInput['app']) => void this.core.settings.update({ app });
        const actions = {
          command: send, checkMail: () => this.checkMail(), about: () => app.showAboutPanel(),
          workOffline, toggleWorkOffline: () => change({ workOffline: !workOffline }),
          layout, setLayout: (next: MailLayout) => change({ layout: next }),
          messagePane, toggleMessagePane: () => change({ messagePane: !messagePane }),
        };
        Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, actions, process.platform, !app.isPackaged)));
        this.tray?.setLanguage(language);
      },
      systemLocale: () => app.getLocale(),
    };
  }
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let desktop: DesktopApp | null = null;
  let core: WrenCore | null = null;
  const earlyLinks: string[] = [];
  app.on('second-instance', (_event, args) => desktop?.onSecondInstance(args));
  // macOS hands mailto: links as an event, possibly before ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (desktop) desktop.openMailto(url);
    else earlyLinks.push(url);
  });
  // In development the OS would register the bare Electron binary: only the packaged app claims mailto:.
  if (app.isPackaged) app.setAsDefaultProtocolClient('mailto');
  app.whenReady().then(() => {
    core = WrenCore.open({
      dataDir: app.getPath('userData'),
      mode: 'electron',
      secrets: safeStorageIsReal() ? new SafeStorageSecretStore() : new KeyFileSecretStore(join(app.getPath('appData'), 'wren-keys', 'secret.key')),
      syncIntervalMs: 5 * 60_000,
      push: true,
    });
    const opened = new DesktopApp(core);
    installWindowSecurity({
      onMailto: (draft) => core?.events.emit('compose.mailto', draft),
      messageWindow: () => messageWindowOptions(PRELOAD),
      onMessageWindow: (window) => opened.serveMessageWindow(window),
    });
    desktop = opened;
    opened.start([...process.argv, ...earlyLinks]);
  }).catch((error) => {
    dialog.showErrorBox('Wren cannot start', toErrorShape(error).message);
    app.exit(1);
  });
  // With close to tray the window is hidden, not closed; a closed window means the user wants out.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => desktop?.markQuitting());
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
