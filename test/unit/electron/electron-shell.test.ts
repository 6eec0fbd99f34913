import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run here, so its API is replaced by recorders:
// what is checked is what our code asks of Electron.
const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  shell: { openExternal: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
}));
vi.mock('electron', () => electron);

import { messageWindowOptions, windowOptions } from '../../../src-main/electron/window-options';
import { installWindowSecurity, isMessageWindowUrl } from '../../../src-main/electron/window-security';
import { IpcBridge, REQUEST_CHANNEL_PREFIX } from '../../../src-main/electron/ipc-bridge';
import { METHODS } from '../../../src-main/ipc/contract';
import { EventBus } from '../../../src-main/app/event-bus';
import type { Handlers } from '../../../src-main/ipc/dispatch';

beforeEach(() => vi.clearAllMocks());

describe('the app window', () => {
  it('is isolated, sandboxed and has no Node', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload.cjs' });
  });

  it('a message window is locked down the same way, its settings given rather than inherited', () => {
    expect(messageWindowOptions('/app/preload.cjs').webPreferences).toEqual(windowOptions('/app/preload.cjs').webPreferences);
  });
});

describe('window security', () => {
  function fakeContents() {
    const contents = Object.assign(new EventEmitter(), { openHandler: undefined as undefined | ((d: { url: string }) => unknown) });
    return Object.assign(contents, { setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (contents.openHandler = fn) });
  }

  it('blocks navigation and window.open; http and https go to the system browser, mailto to Wren\'s composer', () => {
    const onMailto = vi.fn();
    installWindowSecurity({ onMailto });
    const created = electron.app.on.mock.calls.find(([name]) => name === 'web-contents-created')![1];
    const contents = fakeContents();
    created({}, contents);
    for (const url of ['https://example.com/', 'mailto:a@b.test', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(contents.openHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'mailto:c@d.test?subject=Hi&attach=/etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls.map(([u]) => u)).toEqual(['https://example.com/', 'http://example.com/']);
    expect(onMailto.mock.calls.map(([draft]) => draft)).toEqual([
      { to: ['a@b.test'], cc: [], subject: '', body: '' },
      { to: ['c@d.test'], cc: [], subject: 'Hi', body: '' },
    ]);
  });

  it('lets the app open its own page on one message, in a locked-down window it then serves; nothing else', () => {
    const options = { width: 960, webPreferences: { sandbox: true } };
    const onMessageWindow = vi.fn();
    installWindowSecurity({ onMailto: vi.fn(), messageWindow: () => options, onMessageWindow });
    const created = electron.app.on.mock.calls.find(([name]) => name === 'web-contents-created')![1];
    const contents = fakeContents();
    created({}, contents);
    expect(contents.openHandler!({ url: 'app://wren/index.html#message=12&account=3' })).toEqual({ action: 'allow', overrideBrowserWindowOptions: options });
    expect(contents.openHandler!({ url: 'app://wren/index.html#message=7' })).toEqual({ action: 'allow', overrideBrowserWindowOptions: options });
    for (const url of ['app://wren/index.html', 'app://wren/index.html?x=1#message=12', 'app://wren/other.html#message=12', 'app://wren/index.html#message=12&account=0', 'app://wren.evil.example/index.html#message=1', 'https://example.com/#message=1']) {
      expect(isMessageWindowUrl(url)).toBe(false);
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    const child = { id: 'message window' };
    contents.emit('did-create-window', child);
    expect(onMessageWindow).toHaveBeenCalledWith(child);
  });

  it('opens no window at all when no message window is offered', () => {
    installWindowSecurity({ onMailto: vi.fn() });
    const created = electron.app.on.mock.calls.find(([name]) => name === 'web-contents-created')![1];
    const contents = fakeContents();
    created({}, contents);
    expect(contents.openHandler!({ url: 'app://wren/index.html#message=12' })).toEqual({ action: 'deny' });
  });

  it('refuses every frame navigation but the app page and mail\'s srcdoc frames', () => {
    installWindowSecurity({ onMailto: vi.fn() });
    const created = electron.app.on.mock.calls.find(([name]) => name === 'web-contents-created')![1];
    const contents = fakeContents();
    created({}, contents);
    const refused = (url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(refused('about:srcdoc', false)).toBe(false);
    expect(refused('app://wren/index.html', true)).toBe(false);
    expect(refused('app://wren/index.html', false)).toBe(true);
    expect(refused('https://evil.example/', false)).toBe(true);
    expect(refused('file:///home/me/Downloads/invoice.html', true)).toBe(true);
    expect(refused('app://other/index.html', true)).toBe(true);
  });

  it('denies every permission request and check, and sets the CSP header', () => {
    installWindowSecurity({ onMailto: vi.fn() });
    const deny = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0];
    const callback = vi.fn();
    deny({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const check = electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0];
    expect(check({}, 'notifications', 'app://wren', {})).toBe(false);
    const headers = electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0];
    const reply = vi.fn();
    headers({ responseHeaders: {} }, reply);
    expect(reply.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });
});

describe('IPC bridge', () => {
  const handlers = { 'app.info': () => ({ version: '1', mode: 'electron', dataDir: '/d' }) } as unknown as Handlers;
  const makeWindow = () => ({ webContents: { send: vi.fn() }, isDestroyed: () => false });
  const window = makeWindow();
  const topFrame = (url: string) => ({ url, parent: null });
  const fromPage = (contents: object) => ({ sender: contents, senderFrame: topFrame('app://wren/index.html') });

  function handlerFor(method: string) {
    return electron.ipcMain.handle.mock.calls.find(([channel]) => channel === REQUEST_CHANNEL_PREFIX + method)![1];
  }

  it('registers exactly the contract methods, once for every window', () => {
    const bridge = new IpcBridge(new EventBus());
    bridge.attach(window as never, handlers);
    bridge.attach(makeWindow() as never, handlers);
    expect(electron.ipcMain.handle.mock.calls.map(([c]) => c).sort()).toEqual(METHODS.map((m) => REQUEST_CHANNEL_PREFIX + m).sort());
    bridge.close();
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledTimes(METHODS.length);
  });

  it('answers only the app page, and errors travel as data with their code', async () => {
    new IpcBridge(new EventBus()).attach(window as never, handlers);
    const fromApp = fromPage(window.webContents);
    expect(await handlerFor('app.info')(fromApp, {})).toEqual({ ok: true, result: { version: '1', mode: 'electron', dataDir: '/d' } });
    const strangers = [
      { sender: window.webContents, senderFrame: topFrame('https://evil.example/') },
      // A local file (a saved attachment opened in the window) is not the app, unlike with file:// loading.
      { sender: window.webContents, senderFrame: topFrame('file:///app/index.html') },
      { sender: window.webContents, senderFrame: topFrame('app://wren.evil.example/index.html') },
      { sender: window.webContents, senderFrame: { url: 'app://wren/index.html', parent: {} } },
      { sender: window.webContents, senderFrame: null },
      { sender: {}, senderFrame: topFrame('app://wren/index.html') },
    ];
    for (const event of strangers) expect(await handlerFor('app.info')(event, {})).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    expect(await handlerFor('messages.list')(fromApp, { folderId: 'x' })).toMatchObject({ ok: false, error: { code: 'BadRequest' } });
  });

  it('answers each window with its own handlers, and a closed one no more', async () => {
    const bridge = new IpcBridge(new EventBus());
    const message = makeWindow();
    const messageHandlers = { 'app.info': () => ({ version: '2', mode: 'electron', dataDir: '/m' }) } as unknown as Handlers;
    bridge.attach(window as never, handlers);
    const detach = bridge.attach(message as never, messageHandlers);
    expect(await handlerFor('app.info')(fromPage(message.webContents), {})).toMatchObject({ ok: true, result: { version: '2' } });
    expect(await handlerFor('app.info')(fromPage(window.webContents), {})).toMatchObject({ ok: true, result: { version: '1' } });
    detach();
    expect(await handlerFor('app.info')(fromPage(message.webContents), {})).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    expect(await handlerFor('app.info')(fromPage(window.webContents), {})).toMatchObject({ ok: true });
  });

  it('forwards core events to every window', () => {
    const events = new EventBus();
    const bridge = new IpcBridge(events);
    const message = makeWindow();
    bridge.attach(window as never, handlers);
    bridge.attach(message as never, handlers);
    events.emit('account.status', { accountId: 1, state: 'offline', error: null, retryAt: null });
    for (const target of [window, message]) expect(target.webContents.send).toHaveBeenCalledWith('wren:event', 'account.status', expect.objectContaining({ state: 'offline' }));
  });
});
