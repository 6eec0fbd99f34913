import type { AppSettings } from '../settings/settings-schema';
import { menuLanguage, type MenuLanguage } from './menu-words';

/** The parts of Electron the app's settings reach, so they can be faked in tests. */
export interface DesktopShell {
  setThemeSource(theme: AppSettings['theme']): void;
  setLoginItem(openAtLogin: boolean, openAsHidden: boolean): void;
  /** Builds the native menu in this language; its check marks (Work Offline, the layout, the message pane) read the settings as they are now. */
  setMenu(language: MenuLanguage): void;
  systemLocale(): string;
}

type DesktopFields = Pick<AppSettings, 'theme' | 'startAtLogin' | 'closeToTray' | 'language' | 'workOffline' | 'layout' | 'messagePane'>;

/** The settings the menu shows checked: a change to one builds it again. */
const MENU_CHECKS = ['language', 'workOffline', 'layout', 'messagePane'] as const;

/**
 * Applies the app settings that live in the shell, at start (previous null)
 * and on every change: theme (native dialogs, menus, the `prefers-color-scheme`
 * the page sees), start at login, and the menu (its language, and its check marks).
 */
export function applyDesktopSettings(shell: DesktopShell, next: DesktopFields, previous: DesktopFields | null): void {
  if (!previous || previous.theme !== next.theme) shell.setThemeSource(next.theme);
  if (!previous || previous.startAtLogin !== next.startAtLogin || previous.closeToTray !== next.closeToTray) {
    // With close to tray, a start at login stays in the tray instead of opening a window.
    shell.setLoginItem(next.startAtLogin, next.startAtLogin && next.closeToTray);
  }
  if (!previous || MENU_CHECKS.some((field) => previous[field] !== next[field])) shell.setMenu(menuLanguage(next.language, shell.systemLocale()));
}

export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

/** With "close to tray" on, closing the window hides it; quitting (menu, tray, OS) still closes it. */
export function hideOnClose(window: ClosableWindow, closeToTray: () => boolean, quitting: () => boolean): void {
  window.on('close', (event) => {
    if (quitting() || !closeToTray()) return;
    event.preventDefault();
    window.hide();
  });
}
