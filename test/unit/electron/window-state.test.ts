import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDesktopSettings, hideOnClose } from '../../../src-main/electron/desktop-settings';
import { DEFAULT_WINDOW_STATE, fitToScreens, readWindowState, trackWindowState, writeWindowState } from '../../../src-main/electron/window-state';
import { DEFAULT_APP_SETTINGS } from '../../../src-main/settings/settings-schema';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
afterEach(() => vi.useRealTimers());

describe('window size and position', () => {
  it('round-trips through its file; a missing or broken file gives the default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wren-window-'));
    const path = join(dir, 'window-state.json');
    expect(readWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    writeWindowState(path, { x: 10, y: 20, width: 900, height: 700, maximized: true });
    expect(readWindowState(path)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    writeFileSync(path, '{"width": -5}');
    expect(readWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
    rmSync(dir, { recursive: true });
  });

  it('keeps a position on a screen there is, and drops one on a screen since unplugged', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(fitToScreens(saved, [screen])).toEqual(saved);
    expect(fitToScreens({ ...saved, x: 2500 }, [screen])).toMatchObject({ x: undefined, y: undefined, width: 1200 });
    expect(fitToScreens({ ...saved, x: 2500 }, [screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).toMatchObject({ x: 2500 });
  });

  it('never opens larger than the largest screen', () => {
    expect(fitToScreens({ width: 4000, height: 3000, maximized: false }, [screen])).toMatchObject({ width: 1920, height: 1080 });
  });

  it('saves once the window stops moving, and at once on close', () => {
    vi.useFakeTimers();
    const window = Object.assign(new EventEmitter(), { getNormalBounds: () => ({ x: 1, y: 2, width: 800, height: 600 }), isMaximized: () => false });
    const save = vi.fn();
    trackWindowState(window as never, save);
    window.emit('move');
    window.emit('resize');
    expect(save).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(save).toHaveBeenCalledTimes(1);
    window.emit('close');
    expect(save).toHaveBeenLastCalledWith({ x: 1, y: 2, width: 800, height: 600, maximized: false });
  });
});

describe('app settings in the desktop shell', () => {
  const shell = () => ({ setThemeSource: vi.fn(), setLoginItem: vi.fn(), setMenu: vi.fn(), systemLocale: () => 'en-US' });

  it('applies theme, start at login and menu language at start, then only what changed', () => {
    const s = shell();
    applyDesktopSettings(s, DEFAULT_APP_SETTINGS, null);
    expect(s.setThemeSource).toHaveBeenCalledWith('system');
    expect(s.setLoginItem).toHaveBeenCalledWith(false, false);
    expect(s.setMenu).toHaveBeenCalledWith('en');
    applyDesktopSettings(s, { ...DEFAULT_APP_SETTINGS, theme: 'dark', language: 'zh' }, DEFAULT_APP_SETTINGS);
    expect(s.setThemeSource).toHaveBeenLastCalledWith('dark');
    expect(s.setMenu).toHaveBeenLastCalledWith('zh');
    expect(s.setLoginItem).toHaveBeenCalledTimes(1);
    applyDesktopSettings(s, { ...DEFAULT_APP_SETTINGS, startAtLogin: true, closeToTray: true }, DEFAULT_APP_SETTINGS);
    expect(s.setLoginItem).toHaveBeenLastCalledWith(true, true);
    // Work Offline turned on elsewhere (the toolbar, the CLI): the menu is built again for its check mark.
    const menus = s.setMenu.mock.calls.length;
    applyDesktopSettings(s, { ...DEFAULT_APP_SETTINGS, workOffline: true }, DEFAULT_APP_SETTINGS);
    expect(s.setMenu).toHaveBeenCalledTimes(menus + 1);
    // So is a layout or the message pane changed by F8 or the settings screen, for View ▸ Layout's marks.
    applyDesktopSettings(s, { ...DEFAULT_APP_SETTINGS, layout: 'wide' }, DEFAULT_APP_SETTINGS);
    applyDesktopSettings(s, { ...DEFAULT_APP_SETTINGS, messagePane: false }, DEFAULT_APP_SETTINGS);
    expect(s.setMenu).toHaveBeenCalledTimes(menus + 3);
    applyDesktopSettings(s, { ...DEFAULT_APP_SETTINGS, startAtLogin: true }, DEFAULT_APP_SETTINGS);
    expect(s.setMenu).toHaveBeenCalledTimes(menus + 3);
  });

  it('hides the window on close with close to tray, and closes it when quitting or without', () => {
    const window = Object.assign(new EventEmitter(), { hide: vi.fn() });
    let toTray = true;
    let quitting = false;
    hideOnClose(window as never, () => toTray, () => quitting);
    const close = () => {
      const event = { preventDefault: vi.fn() };
      window.emit('close', event);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(close()).toBe(false);
    expect(window.hide).toHaveBeenCalledTimes(1);
    quitting = true;
    expect(close()).toBe(true);
    quitting = false;
    toTray = false;
    expect(close()).toBe(true);
  });
});
