import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import { MENU_WORDS, type MenuLanguage } from './menu-words';

export interface TrayActions {
  show(): void;
  checkMail(): void;
  quit(): void;
}

/** The tray's tooltip (and title next to the icon on macOS): the unread count in every Inbox. */
export function trayTooltip(unread: number, language: MenuLanguage): string {
  return unread > 0 ? `Wren — ${MENU_WORDS[language].unread.replace('{count}', String(unread))}` : 'Wren';
}

export function trayMenuTemplate(language: MenuLanguage, actions: TrayActions): MenuItemConstructorOptions[] {
  const w = MENU_WORDS[language];
  return [
    { label: w.show, click: actions.show },
    { label: w.checkMail, click: actions.checkMail },
    { type: 'separator' },
    { label: w.quit, click: actions.quit },
  ];
}

type TrayLike = Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on'> & { setTitle?: Tray['setTitle'] };

/** Keeps a tray icon's count, menu and language current; clicking it shows the window. */
export class TrayIcon {
  private unread = 0;

  constructor(
    private readonly tray: TrayLike,
    private readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu,
    private readonly actions: TrayActions,
    private language: MenuLanguage,
  ) {
    tray.on('click', () => actions.show());
    this.render();
  }

  setUnread(unread: number): void {
    if (unread === this.unread) return;
    this.unread = unread;
    this.render();
  }

  setLanguage(language: MenuLanguage): void {
    this.language = language;
    this.render();
  }

  private render(): void {
    this.tray.setToolTip(trayTooltip(this.unread, this.language));
    // macOS shows a title beside the menu-bar icon; elsewhere setTitle does nothing harmful.
    this.tray.setTitle?.(this.unread > 0 ? String(this.unread) : '');
    this.tray.setContextMenu(this.buildMenu(trayMenuTemplate(this.language, this.actions)));
  }
}
