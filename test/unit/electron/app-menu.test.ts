import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../src-main/electron/app-menu';
import { MENU_WORDS, menuLanguage } from '../../../src-main/electron/menu-words';
import { trayMenuTemplate, trayTooltip } from '../../../src-main/electron/tray-icon';

const actions = (workOffline = false) => ({
  command: vi.fn(), checkMail: vi.fn(), about: vi.fn(), workOffline, toggleWorkOffline: vi.fn(),
  layout: 'vertical' as const, setLayout: vi.fn(), messagePane: true, toggleMessagePane: vi.fn(),
});
const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];
const find = (menu: MenuItemConstructorOptions[], label: string) => menu.flatMap(items).find((item) => item.label === label)!;

describe('the native application menu', () => {
  it('has File, Edit, View, Message, Go, Tools and Help in English and in Chinese', () => {
    expect(menuTemplate('en', actions(), 'linux').map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Message', 'Go', 'Tools', 'Help']);
    expect(menuTemplate('zh', actions(), 'win32').map((m) => m.label)).toEqual(['文件', '编辑', '查看', '邮件', '转到', '工具', '帮助']);
  });

  it('puts the app menu first on macOS, with Settings there', () => {
    const menu = menuTemplate('en', actions(), 'darwin');
    expect(menu.map((m) => m.label)).toEqual(['Wren', 'File', 'Edit', 'View', 'Message', 'Go', 'Tools', 'Help']);
    expect(items(menu[0]!).some((item) => item.accelerator === 'CmdOrCtrl+,')).toBe(true);
  });

  it('gives the usual accelerators and sends the renderer its commands', () => {
    const a = actions();
    const menu = menuTemplate('en', a, 'linux');
    const accelerators = menu.flatMap(items).map((item) => item.accelerator).filter(Boolean);
    expect(accelerators).toEqual(expect.arrayContaining(['CmdOrCtrl+N', 'CmdOrCtrl+,', 'CmdOrCtrl+Q', 'CmdOrCtrl+W', 'F5']));
    expect(new Set(accelerators).size).toBe(accelerators.length); // no key does two things
    (find(menu, 'New Message').click as () => void)();
    (find(menu, 'Settings…').click as () => void)();
    (find(menu, 'Get Messages').click as () => void)();
    (find(menu, 'Threads').click as () => void)();
    (find(menu, 'Collapse All Threads').click as () => void)();
    (find(menu, 'Expand All Threads').click as () => void)();
    (find(menu, 'Show / Hide Ignored Threads').click as () => void)();
    (find(menu, 'Mark Thread as Read').click as () => void)();
    (find(menu, 'Ignore Thread').click as () => void)();
    for (const label of ['Reply', 'Reply All', 'Reply to List', 'Forward', 'Forward as Attachment', 'Redirect…', 'Address Book', 'Next Unread Message', 'Previous Unread Message']) {
      (find(menu, label).click as () => void)();
    }
    expect(a.command.mock.calls).toEqual([
      ['compose'], ['settings'], ['threads'], ['collapseAllThreads'], ['expandAllThreads'], ['ignoredThreads'], ['markThreadRead'], ['ignoreThread'], ['reply'], ['replyAll'], ['replyList'], ['forward'], ['forwardAttachment'],
      ['redirect'], ['addressBook'], ['nextUnread'], ['previousUnread'],
    ]);
    // Thunderbird's keys for them.
    expect(accelerators).toEqual(expect.arrayContaining(['CmdOrCtrl+R', 'CmdOrCtrl+Shift+R', 'CmdOrCtrl+Shift+L', 'CmdOrCtrl+L', 'CmdOrCtrl+Shift+B']));
    expect(a.checkMail).toHaveBeenCalled();
    expect(menu.flatMap(items).filter((item) => item.role).map((item) => item.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('has Thunderbird\'s View ▸ Layout: the layout ticked as the setting is, and Message Pane, whose F8 is shown but left to the page', () => {
    const a = actions();
    const layout = submenu(find(menuTemplate('en', a, 'linux'), 'Layout'));
    expect(layout.filter((item) => item.type === 'radio').map((item) => [item.label, item.checked])).toEqual([
      ['Classic View', false], ['Wide View', false], ['Vertical View', true],
    ]);
    (layout.find((item) => item.label === 'Wide View')!.click as () => void)();
    expect(a.setLayout).toHaveBeenCalledWith('wide');
    const pane = layout.find((item) => item.label === 'Message Pane')!;
    expect(pane).toMatchObject({ type: 'checkbox', checked: true, accelerator: 'F8', registerAccelerator: false });
    (pane.click as () => void)();
    expect(a.toggleMessagePane).toHaveBeenCalled();
    // The renderer is not asked: the menu changes the settings, which every window follows.
    expect(a.command).not.toHaveBeenCalled();
    expect(submenu(find(menuTemplate('zh', { ...a, layout: 'wide' }, 'linux'), '布局')).find((item) => item.checked && item.type === 'radio')!.label).toBe('宽视图');
  });

  it('has Thunderbird\'s File ▸ Work Offline, checked as the setting is, which toggles it', () => {
    const a = actions(true);
    const item = find(menuTemplate('en', a, 'linux'), 'Work Offline');
    expect(item).toMatchObject({ type: 'checkbox', checked: true });
    (item.click as () => void)();
    expect(a.toggleWorkOffline).toHaveBeenCalledTimes(1);
    expect(find(menuTemplate('zh', actions(false), 'win32'), '脱机工作')).toMatchObject({ type: 'checkbox', checked: false });
  });

  it('offers developer tools only in development', () => {
    const roles = (dev: boolean) => menuTemplate('en', actions(), 'linux', dev).flatMap(items).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has every word in both languages, and follows the language setting or the system', () => {
    expect(Object.keys(MENU_WORDS.zh).sort()).toEqual(Object.keys(MENU_WORDS.en).sort());
    expect(menuLanguage(null, 'zh-CN')).toBe('zh');
    expect(menuLanguage(null, 'de-DE')).toBe('en');
    expect(menuLanguage('en', 'zh-TW')).toBe('en');
  });
});

describe('the tray', () => {
  it('says the unread count in the chosen language', () => {
    expect(trayTooltip(0, 'en')).toBe('Wren');
    expect(trayTooltip(3, 'en')).toBe('Wren — 3 unread');
    expect(trayTooltip(3, 'zh')).toBe('Wren — 3 封未读');
    expect(trayMenuTemplate('zh', { show: vi.fn(), checkMail: vi.fn(), quit: vi.fn() }).map((i) => i.label)).toEqual(['显示 Wren', '收取邮件', undefined, '退出 Wren']);
  });
});
