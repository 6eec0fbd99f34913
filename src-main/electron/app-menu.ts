import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, MailLayout } from '../ipc/contract';
import { MENU_WORDS, type MenuLanguage } from './menu-words';

export interface MenuActions {
  /** A command the renderer carries out (it owns the selection): sent as `app.command`. */
  command(command: AppCommand): void;
  checkMail(): void;
  about(): void;
  /** Work Offline as the menu is built (a check mark; the menu is built again when it changes). */
  workOffline: boolean;
  toggleWorkOffline(): void;
  /** View ▸ Layout as the menu is built: the layout ticked, and the message pane's check mark. */
  layout: MailLayout;
  setLayout(layout: MailLayout): void;
  messagePane: boolean;
  toggleMessagePane(): void;
}

/**
 * The native application menu (File, Edit, View, Message, Go, Help; the app
 * menu first on macOS). Single-key shortcuts (j, k, e, s…) stay with the
 * renderer, where they do not fire while typing; the menu shows only
 * modifier accelerators, which the OS expects.
 */
export function menuTemplate(language: MenuLanguage, actions: MenuActions, platform: NodeJS.Platform, development = false): MenuItemConstructorOptions[] {
  const w = MENU_WORDS[language];
  const mac = platform === 'darwin';
  const send = (command: AppCommand) => () => actions.command(command);
  const appMenu: MenuItemConstructorOptions = {
    label: 'Wren',
    submenu: [
      { label: w.about, click: actions.about },
      { type: 'separator' },
      { label: w.settings, accelerator: 'CmdOrCtrl+,', click: send('settings') },
      { type: 'separator' },
      { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' },
      { type: 'separator' },
      { label: w.quit, role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: w.file,
    submenu: [
      { label: w.newMessage, accelerator: 'CmdOrCtrl+N', click: send('compose') },
      { label: w.checkMail, accelerator: 'F5', click: actions.checkMail },
      { label: w.workOffline, type: 'checkbox', checked: actions.workOffline, click: actions.toggleWorkOffline },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: w.settings, accelerator: 'CmdOrCtrl+,', click: send('settings') }]),
      { type: 'separator' },
      { label: w.saveAs, accelerator: 'CmdOrCtrl+S', click: send('saveAs') },
      { label: w.print, accelerator: 'CmdOrCtrl+P', click: send('print') },
      { type: 'separator' },
      { label: w.closeWindow, role: 'close', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [{ label: w.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: w.edit,
    submenu: [
      { label: w.undo, role: 'undo' }, { label: w.redo, role: 'redo' },
      { type: 'separator' },
      { label: w.cut, role: 'cut' }, { label: w.copy, role: 'copy' }, { label: w.paste, role: 'paste' },
      { label: w.selectAll, role: 'selectAll' },
      { type: 'separator' },
      // Thunderbird's Edit ▸ Find ▸ Find in This Message.
      { label: w.find, accelerator: 'CmdOrCtrl+F', click: send('find') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: w.view,
    submenu: [
      // Switches the message list's threads (the renderer keeps the setting; the item carries no check mark of its own).
      { label: w.threads, click: send('threads') },
      { label: w.collapseAllThreads, click: send('collapseAllThreads') },
      { label: w.expandAllThreads, click: send('expandAllThreads') },
      // Thunderbird's View ▸ Threads ▸ Ignored Threads: switches app.showIgnoredThreads, as Threads does its setting.
      { label: w.ignoredThreads, click: send('ignoredThreads') },
      { type: 'separator' },
      // Thunderbird's View ▸ Message Body As: switches the setting between the HTML and plain text.
      { label: w.bodyAsPlain, click: send('bodyAs') },
      { type: 'separator' },
      // Thunderbird's View ▸ Layout. F8 is the page's own key (a registered accelerator would switch the pane twice,
      // once by the menu and once by the key), shown here only.
      {
        label: w.layout,
        submenu: [
          ...(['classic', 'wide', 'vertical'] as const).map((layout): MenuItemConstructorOptions => ({
            label: w[`${layout}View`], type: 'radio', checked: actions.layout === layout, click: () => actions.setLayout(layout),
          })),
          { type: 'separator' },
          { label: w.messagePane, type: 'checkbox', checked: actions.messagePane, accelerator: 'F8', registerAccelerator: false, click: actions.toggleMessagePane },
        ],
      },
      { type: 'separator' },
      { label: w.zoomIn, role: 'zoomIn' }, { label: w.zoomOut, role: 'zoomOut' }, { label: w.resetZoom, role: 'resetZoom' },
      { type: 'separator' },
      { label: w.fullScreen, role: 'togglefullscreen' },
      ...(development ? [{ label: w.devTools, role: 'toggleDevTools' } as const] : []),
    ],
  };
  const message: MenuItemConstructorOptions = {
    label: w.message,
    submenu: [
      { label: w.newMessage, accelerator: 'CmdOrCtrl+Shift+M', click: send('compose') },
      // Thunderbird's Message menu and its keys.
      { label: w.reply, accelerator: 'CmdOrCtrl+R', click: send('reply') },
      { label: w.replyAll, accelerator: 'CmdOrCtrl+Shift+R', click: send('replyAll') },
      { label: w.replyList, accelerator: 'CmdOrCtrl+Shift+L', click: send('replyList') },
      { label: w.forward, accelerator: 'CmdOrCtrl+L', click: send('forward') },
      { label: w.forwardAttachment, click: send('forwardAttachment') },
      { label: w.redirect, click: send('redirect') },
      { type: 'separator' },
      { label: w.markRead, accelerator: 'CmdOrCtrl+Shift+I', click: send('markRead') },
      { label: w.markUnread, accelerator: 'CmdOrCtrl+Shift+U', click: send('markUnread') },
      // Thunderbird's Message ▸ Mark ▸ Thread as Read (its key, R, is Reply here, as in Gmail).
      { label: w.markThreadRead, click: send('markThreadRead') },
      // Thunderbird's Message ▸ Ignore Thread; its key, Shift+K, stays with the window (a single key).
      { label: w.ignoreThread, click: send('ignoreThread') },
      { label: w.toggleFlag, click: send('toggleFlag') },
      { type: 'separator' },
      { label: w.archive, click: send('archive') },
      { label: w.junk, click: send('junk') },
      { label: w.delete, click: send('delete') },
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: w.go,
    submenu: [
      { label: w.next, accelerator: 'CmdOrCtrl+]', click: send('next') },
      { label: w.previous, accelerator: 'CmdOrCtrl+[', click: send('previous') },
      // Their keys, n and p, stay with the window (a single key, as the comment above says).
      { label: w.nextUnread, click: send('nextUnread') },
      { label: w.previousUnread, click: send('previousUnread') },
      { type: 'separator' },
      { label: w.inbox, accelerator: 'CmdOrCtrl+Shift+H', click: send('inbox') },
    ],
  };
  // Thunderbird's Tools ▸ Address Book and its key.
  const tools: MenuItemConstructorOptions = {
    label: w.tools,
    submenu: [{ label: w.addressBook, accelerator: 'CmdOrCtrl+Shift+B', click: send('addressBook') }],
  };
  const help: MenuItemConstructorOptions = {
    label: w.help,
    role: 'help',
    submenu: [{ label: w.shortcuts, accelerator: 'CmdOrCtrl+/', click: send('help') }, ...(mac ? [] : [{ label: w.about, click: actions.about }])],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, message, go, tools, help];
}
