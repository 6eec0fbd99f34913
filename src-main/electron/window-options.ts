import type { BrowserWindowConstructorOptions } from 'electron';

/** The app window: renderer isolated and sandboxed, no Node, only the preload's `window.wren`. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    title: 'Wren',
    show: false,
    webPreferences: webPreferences(preloadPath),
  };
}

/**
 * A message in a window of its own: the same page, locked down the same way
 * (the settings are given, not inherited from the window that opened it).
 */
export function messageWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return { width: 1040, height: 820, title: 'Wren', show: true, autoHideMenuBar: true, webPreferences: webPreferences(preloadPath) };
}

function webPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}
