// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { failure, renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { ACCOUNT, folder } from './mail-fixtures';

afterEach(cleanup);
withListLayout();

async function menuOf(path: string) {
  fireEvent.contextMenu(await screen.findByTestId(`folder-${path}`, {}, SLOW));
  const menu = screen.getByRole('menu', { name: 'Folder menu' });
  return { menu, labels: within(menu).getAllByRole('menuitem').map((item) => item.textContent) };
}

describe('folder context menu', () => {
  it('special-use folders offer neither rename nor delete; Trash offers to empty it', async () => {
    const { client } = mailCore(2);
    renderWithClient(<App />, client);
    expect((await menuOf('INBOX')).labels).toEqual(['New subfolder…', 'Mark all as read', 'Run junk mail controls', 'Export as mbox…']);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect((await menuOf('Trash')).labels).toEqual(['New subfolder…', 'Mark all as read', 'Run junk mail controls', 'Export as mbox…', 'Empty Trash…']);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect((await menuOf('Receipts')).labels).toEqual(['New subfolder…', 'Mark all as read', 'Run junk mail controls', 'Export as mbox…', 'Unsubscribe', 'Rename…', 'Move to…', 'Delete folder…']);
  });

  it('never offers to unsubscribe the Inbox or a special-use folder, which would hide it from the folder pane', async () => {
    const { client } = mailCore(2);
    renderWithClient(<App />, client);
    for (const path of ['INBOX', 'Sent', 'Trash', 'Archive', 'Junk']) {
      const { menu } = await menuOf(path);
      expect(within(menu).queryByTestId('folder-menu-subscribe'), path).toBeNull();
      fireEvent.keyDown(menu, { key: 'Escape' });
    }
    expect(within((await menuOf('Receipts')).menu).getByTestId('folder-menu-subscribe').textContent).toBe('Unsubscribe');
  });

  it('offers to subscribe a special-use folder that another mail client unsubscribed, the way back; never the Inbox, always shown', async () => {
    const core = mailCore(1);
    const drafts = folder(28, 'Drafts', { role: 'drafts', subscribed: false });
    const unlisted = core.folders.map((each) => (each.role === 'inbox' ? { ...each, subscribed: false } : each));
    core.client.handlers['folders.list'] = ({ accountId }) => (accountId === null ? [] : [...unlisted, drafts]);
    core.client.handlers['folders.subscribe'] = ({ subscribed }) => ({ ...drafts, subscribed });
    renderWithClient(<App />, core.client);
    const inbox = await menuOf('INBOX');
    expect(within(inbox.menu).queryByTestId('folder-menu-subscribe')).toBeNull();
    fireEvent.keyDown(inbox.menu, { key: 'Escape' });
    fireEvent.click(within((await menuOf('Drafts')).menu).getByText('Subscribe'));
    await waitFor(() => expect(core.client.callsOf('folders.subscribe')).toEqual([{ folderId: 28, subscribed: true }]));
  });

  it('offers no IMAP subscription commands on a POP3 account, whose folders are kept on this computer only', async () => {
    const core = mailCore(1);
    core.client.handlers['accounts.list'] = () => [{ ...ACCOUNT, protocol: 'pop3' as const }];
    renderWithClient(<App />, core.client);
    expect((await menuOf('Receipts')).labels).toEqual(['New subfolder…', 'Mark all as read', 'Run junk mail controls', 'Export as mbox…', 'Rename…', 'Move to…', 'Delete folder…']);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    fireEvent.contextMenu(screen.getByRole('heading', { name: 'Work' }));
    const menu = screen.getByRole('menu', { name: 'Folder menu' });
    expect(within(menu).queryByTestId('folder-menu-show-unsubscribed')).toBeNull();
    expect(within(menu).getByTestId('account-menu-edit')).toBeTruthy();
  });

  it('gives the focus back to the folder after its menu closes, and after the dialog an item opened closes', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    const folder = within(await screen.findByTestId('folder-Receipts', {}, SLOW)).getByRole('button');
    folder.focus();
    fireEvent.contextMenu(folder); // what the context-menu key or Shift+F10 sends to the focused folder
    const menu = screen.getByRole('menu', { name: 'Folder menu' });
    expect(menu.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(folder);

    fireEvent.contextMenu(folder);
    fireEvent.click(screen.getByTestId('folder-menu-rename'));
    const input = await screen.findByTestId('name-input');
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('name-dialog')).toBeNull());
    expect(document.activeElement).toBe(folder);

    const heading = screen.getAllByTestId('account-heading')[0]!;
    heading.focus();
    expect(document.activeElement).toBe(heading); // the keyboard reaches the account's menu too
    fireEvent.contextMenu(heading);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(heading);
  });

  it('Local Folders: the heading’s menu creates a local folder; a local folder offers rename and delete, never subscribe', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    const section = await screen.findByTestId('local-folders', {}, SLOW);
    fireEvent.contextMenu(within(section).getByRole('heading', { name: 'Local Folders' }));
    expect(within(screen.getByRole('menu', { name: 'Folder menu' })).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['New folder…']);
    fireEvent.click(screen.getByTestId('folder-menu-new'));
    const dialog = screen.getByTestId('name-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('New folder in Local Folders');
    fireEvent.change(within(dialog).getByTestId('name-input'), { target: { value: 'Kept' } });
    fireEvent.click(within(dialog).getByTestId('name-submit'));
    await waitFor(() => expect(client.callsOf('folders.create')).toEqual([{ accountId: null, parentId: null, name: 'Kept' }]));
    await within(section).findByTestId('folder-Kept', {}, SLOW);
    expect((await menuOf('Kept')).labels).toEqual(['New subfolder…', 'Mark all as read', 'Run junk mail controls', 'Export as mbox…', 'Rename…', 'Move to…', 'Delete folder…']);
    // As an account's folder: into the Local Folders' Trash first; in Trash, for good from this computer.
    const plan = { path: 'Kept', messages: 0, subfolders: [], fate: 'trash' as const, trashPath: 'Trash/Kept', onServer: false, filters: [] };
    client.handlers['folders.deletePlan'] = () => plan;
    fireEvent.click(screen.getByTestId('folder-menu-delete'));
    expect((await screen.findByTestId('confirm-dialog')).textContent).toContain('The empty folder Kept will be moved to Trash.');
    fireEvent.keyDown(screen.getByTestId('confirm-dialog'), { key: 'Escape' });
    client.handlers['folders.deletePlan'] = () => ({ ...plan, fate: 'inTrash', trashPath: null });
    fireEvent.click(within((await menuOf('Kept')).menu).getByTestId('folder-menu-delete'));
    expect((await screen.findByTestId('confirm-dialog')).textContent).toContain('will be deleted from this computer');
  });

  it('creates a subfolder under the folder, with the name typed', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    fireEvent.click(within((await menuOf('Projects')).menu).getByTestId('folder-menu-new'));
    const dialog = screen.getByTestId('name-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('New folder in Projects');
    fireEvent.change(within(dialog).getByTestId('name-input'), { target: { value: '  2027 ' } });
    fireEvent.click(within(dialog).getByTestId('name-submit'));
    await waitFor(() => expect(client.callsOf('folders.create')).toEqual([{ accountId: 1, parentId: 12, name: '2027' }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Folder 2027 created.');
    await screen.findByTestId('folder-Projects/2027');
  });

  it('keeps the name dialog open when the name is refused, says why in words of the UI, and takes the corrected one', async () => {
    const { client } = mailCore(1);
    const create = client.handlers['folders.create']!;
    client.handlers['folders.create'] = (params) =>
      params.name.includes('/') ? failure({ code: 'FolderNameInvalid', message: 'A folder name cannot contain "/".', details: { name: params.name, delimiter: '/', local: false } }) : create(params);
    renderWithClient(<App />, client);
    fireEvent.click(within((await menuOf('Projects')).menu).getByTestId('folder-menu-new'));
    const dialog = screen.getByTestId('name-dialog');
    fireEvent.change(within(dialog).getByTestId('name-input'), { target: { value: '项目/2026' } });
    fireEvent.click(within(dialog).getByTestId('name-submit'));
    const refused = await within(dialog).findByTestId('name-refused');
    expect(refused.textContent).toContain('That name cannot be used');
    expect(refused.textContent).toContain('Not allowed in a name: “/”');
    expect(screen.queryByTestId('toast-error')).toBeNull();
    fireEvent.change(within(dialog).getByTestId('name-input'), { target: { value: '项目 2026' } });
    fireEvent.click(within(dialog).getByTestId('name-submit'));
    await waitFor(() => expect(screen.queryByTestId('name-dialog')).toBeNull());
    expect(client.callsOf('folders.create').map((call) => (call as { name: string }).name)).toEqual(['项目/2026', '项目 2026']);
  });

  it('renames a folder and deletes one (in Trash: for good) only after confirmation', async () => {
    const { client } = mailCore(1);
    client.handlers['folders.rename'] = ({ folderId, name }) => ({ ...mailCore(0).folders.find((entry) => entry.id === folderId)!, name });
    client.handlers['folders.delete'] = () => ({ deleted: true });
    client.handlers['folders.deletePlan'] = () => ({
      path: 'Receipts',
      messages: 339,
      subfolders: [{ path: 'Receipts/2025', messages: 2 }, { path: 'Receipts/2026', messages: 0 }],
      fate: 'inTrash',
      trashPath: null,
      onServer: true,
      filters: [],
    });
    renderWithClient(<App />, client);
    fireEvent.click(within((await menuOf('Receipts')).menu).getByTestId('folder-menu-rename'));
    const rename = screen.getByTestId('name-dialog');
    expect((within(rename).getByTestId('name-input') as HTMLInputElement).value).toBe('Receipts');
    expect((within(rename).getByTestId('name-submit') as HTMLButtonElement).disabled).toBe(true); // the same name changes nothing
    fireEvent.change(within(rename).getByTestId('name-input'), { target: { value: 'Bills' } });
    fireEvent.click(within(rename).getByTestId('name-submit'));
    await waitFor(() => expect(client.callsOf('folders.rename')).toEqual([{ folderId: 16, name: 'Bills' }]));

    fireEvent.click(within((await menuOf('Receipts')).menu).getByTestId('folder-menu-delete'));
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm.textContent).toContain('Delete “Receipts” with 2 subfolders and 341 messages for good?');
    expect(confirm.textContent).toContain('The folder Receipts, its subfolders and all the mail in them (341 messages) will be deleted for good on the server.');
    expect(client.callsOf('folders.deletePlan')).toEqual([{ folderId: 16 }]);
    fireEvent.click(within(confirm).getByTestId('confirm-cancel'));
    expect(client.callsOf('folders.delete')).toEqual([]);
    fireEvent.click(within((await menuOf('Receipts')).menu).getByTestId('folder-menu-delete'));
    fireEvent.click(within(await screen.findByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    // The subfolders the user saw go with the delete: the core deletes those and no other.
    await waitFor(() => expect(client.callsOf('folders.delete')).toEqual([{ folderId: 16, subfolders: ['Receipts/2025', 'Receipts/2026'] }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Folder Receipts deleted for good.');
  });

  it('asks to delete an empty folder without counting "0 messages"', async () => {
    const { client } = mailCore(1);
    client.handlers['folders.deletePlan'] = () => ({ path: 'Receipts', messages: 0, subfolders: [], fate: 'inTrash', trashPath: null, onServer: true, filters: [] });
    renderWithClient(<App />, client);
    fireEvent.click(within((await menuOf('Receipts')).menu).getByTestId('folder-menu-delete'));
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(within(confirm).getByRole('heading').textContent).toBe('Delete “Receipts” for good?');
    expect(confirm.textContent).toContain('The empty folder Receipts will be deleted for good on the server.');
    expect(confirm.textContent).not.toContain('0 messages');
  });

  it('marks a folder read with Undo, and empties Trash after confirmation', async () => {
    const { client } = mailCore(2);
    client.handlers['folders.empty'] = () => ({ operationId: 9, affected: 1, undoable: false });
    renderWithClient(<App />, client);
    fireEvent.click(within((await menuOf('INBOX')).menu).getByTestId('folder-menu-mark-read'));
    await waitFor(() => expect(client.callsOf('folders.markRead')).toEqual([{ folderId: 10 }]));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Every message in Inbox marked as read.');
    expect(within(toast).getByTestId('toast-undo')).toBeTruthy();

    fireEvent.click((await screen.findAllByTestId('message-row', {}, SLOW))[0]!);
    const listed = client.callsOf('folders.list').length;
    fireEvent.click(screen.getByTestId('action-delete'));
    // Trash holds the message once the folder list reloads.
    await waitFor(() => expect(client.callsOf('folders.list').length).toBeGreaterThan(listed));
    const empty = within((await menuOf('Trash')).menu).getByTestId('folder-menu-empty') as HTMLButtonElement;
    expect(empty.disabled).toBe(false);
    fireEvent.click(empty);
    const confirm = screen.getByTestId('confirm-dialog');
    expect(confirm.textContent).toContain('The 1 message in Trash will be deleted for good.');
    fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    await waitFor(() => expect(client.callsOf('folders.empty')).toEqual([{ folderId: 14 }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Trash emptied.');
    expect(screen.queryByTestId('toast-undo')).toBeNull();
  });

  it('speaks Chinese', async () => {
    renderWithClient(<App />, mailCore(1).client, 'zh');
    fireEvent.contextMenu(await screen.findByTestId('folder-Trash', {}, SLOW));
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      '新建子文件夹…', '全部标记为已读', '运行垃圾邮件控制', '导出为 mbox…', '清空“已删除”…',
    ]);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    fireEvent.contextMenu(screen.getByTestId('folder-Receipts'));
    expect(within(screen.getByRole('menu')).getByTestId('folder-menu-subscribe').textContent).toBe('取消订阅');
  });

  it('lists unsubscribed folders on request from the account’s menu, and subscribes one', async () => {
    const core = mailCore(1);
    const hidden = folder(27, 'Old lists', { subscribed: false });
    core.client.handlers['folders.list'] = ({ accountId, includeUnsubscribed }) => (accountId === null ? [] : includeUnsubscribed ? [...core.folders, hidden] : core.folders);
    core.client.handlers['folders.subscribe'] = ({ subscribed }) => ({ ...hidden, subscribed });
    renderWithClient(<App />, core.client);
    await screen.findByTestId('folder-INBOX', {}, SLOW);
    expect(screen.queryByTestId('folder-Old lists')).toBeNull();

    fireEvent.contextMenu(screen.getByRole('heading', { name: 'Work' }));
    fireEvent.click(within(screen.getByRole('menu')).getByText('Show unsubscribed folders'));
    const row = await screen.findByTestId('folder-Old lists');
    expect(within(row).getByTitle('Not subscribed')).toBeTruthy();
    expect(core.client.callsOf('folders.list').at(-1)).toEqual({ accountId: 1, includeUnsubscribed: true });

    fireEvent.click(within((await menuOf('Old lists')).menu).getByText('Subscribe'));
    await waitFor(() => expect(core.client.callsOf('folders.subscribe')).toEqual([{ folderId: 27, subscribed: true }]));
  });
});
