import type { AppSettings } from '../settings/settings-schema';
import { menuLanguage, type MenuLanguage } from './menu-words';

/** The parts of Electron the app's settings reach, so they can be faked in tests. */
export interface DesktopShell {
  setThemeSource(theme: AppSettings['theme']): void;
  setLoginItem(openAtLogin: boolean, openAsHidden: boolean): void;
  setMenuLanguage(language: MenuLanguage): void;
  systemLocale(): string;
}

type DesktopFields = Pick<AppSettings, 'theme' | 'startAtLogin' | 'closeToTray' | 'language'>;

/**
 * Applies the app settings that live in the shell, at start (previous null)
 * and on every change: theme (native dialogs, menus, the `prefers-color-scheme`
 * the page sees), start at login, and the menu's language.
 */
export function applyDesktopSettings(shell: DesktopShell, next: DesktopFields, previous: DesktopFields | null): void {
  if (!previous || previous.theme !== next.theme) shell.setThemeSource(next.theme);
  if (!previous || previous.startAtLogin !== next.startAtLogin || previous.closeToTray !== next.closeToTray) {
    // With close to tray, a start at login stays in the tray instead of opening a window.
    shell.setLoginItem(next.startAtLogin, next.startAtLogin && next.closeToTray);
  }
  if (!previous || previous.language !== next.language) shell.setMenuLanguage(menuLanguage(next.language, shell.systemLocale()));
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
