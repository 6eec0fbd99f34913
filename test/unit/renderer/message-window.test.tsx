// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { failure, renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { ACCOUNT, folder } from './mail-fixtures';
import { settingsCore } from './settings-core';

withListLayout();
let open: ReturnType<typeof vi.fn<(url: string, name: string) => unknown>>;
let close: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  open = vi.fn<(url: string, name: string) => unknown>(() => ({}));
  close = vi.fn<() => void>();
  vi.stubGlobal('open', open);
  vi.spyOn(window, 'close').mockImplementation(close);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.location.hash = '';
  // The title outlives a test: the next one waits for its own window's.
  document.title = '';
  localStorage.clear();
});

const key = (key: string) => fireEvent.keyDown(window, { key });

describe('opening a message in its own window', () => {
  it('from a double click on its row, or the row menu', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    const rows = await screen.findAllByTestId('message-row', {}, SLOW);
    fireEvent.doubleClick(rows[0]!);
    fireEvent.contextMenu(rows[2]!);
    fireEvent.click(within(screen.getByRole('menu')).getByTestId('menu-open-window'));
    expect(open.mock.calls.map(([url, name]) => [new URL(url).hash, name])).toEqual([
      ['#message=100&account=1', 'wren-message-100'],
      ['#message=102&account=1', 'wren-message-102'],
    ]);
  });
});

describe('a message window the browser blocks', () => {
  it('is named in a toast, with what to do', async () => {
    open.mockReturnValue(null);
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    const rows = await screen.findAllByTestId('message-row', {}, SLOW);
    fireEvent.doubleClick(rows[1]!);
    expect((await screen.findByTestId('toast-error')).textContent).toContain('allow pop-up windows for Wren');
  });
});

describe('a message window', () => {
  function openedOn(messageId: number, folderId = 10) {
    window.location.hash = `#message=${messageId}&account=1`;
    const core = mailCore(3);
    core.rows.set(messageId, { ...core.rows.get(messageId)!, folderId });
    core.client.handlers['compose.start'] = () => failure({ code: 'Offline', message: 'offline' });
    renderWithClient(<App />, core.client);
    return core;
  }

  it('shows the one message, no list, and its keys act on it', async () => {
    const { client, rows } = openedOn(101);
    await screen.findByTestId('message-window', {}, SLOW);
    await waitFor(() => expect(document.title).toBe('Message 1 · Wren'));
    expect(screen.queryByTestId('message-list')).toBeNull();
    key('s');
    await waitFor(() => expect(rows.get(101)!.flagged).toBe(true));
    await screen.findByTestId('window-unflag');
    key('r');
    await waitFor(() => expect(client.callsOf('compose.start')).toEqual([expect.objectContaining({ mode: 'reply', messageId: 101 })]));
  });

  it('goes to the folder\'s next and previous message (j, k, the toolbar), the next unread one (n), and says when there is none', async () => {
    const { client, rows } = openedOn(101);
    await waitFor(() => expect(document.title).toBe('Message 1 · Wren'), SLOW);
    key('j');
    await waitFor(() => expect(document.title).toBe('Message 2 · Wren'));
    // The address follows: a reload shows the message shown.
    expect(window.location.hash).toBe('#message=102&account=1');
    expect(client.callsOf('messages.neighbour')).toEqual([expect.objectContaining({ messageId: 101, direction: 'next', unread: false, sort: { by: 'date', descending: true }, hideIgnored: true })]);
    fireEvent.click(screen.getByTestId('window-next'));
    expect((await screen.findByTestId('toast')).textContent).toContain('No next message in this folder.');
    fireEvent.click(screen.getByTestId('window-previous'));
    await waitFor(() => expect(document.title).toBe('Message 1 · Wren'));
    key('k');
    await waitFor(() => expect(document.title).toBe('Message 0 · Wren'));
    // The arrows scroll the message: no list to move in here.
    const asked = client.callsOf('messages.neighbour').length;
    key('ArrowDown');
    expect(client.callsOf('messages.neighbour')).toHaveLength(asked);
    rows.set(101, { ...rows.get(101)!, seen: true });
    key('n');
    await waitFor(() => expect(document.title).toBe('Message 2 · Wren'));
    key('p');
    await waitFor(() => expect(document.title).toBe('Message 0 · Wren'));
  });

  it('prints and saves its message, by the keys and the toolbar', async () => {
    const print = vi.fn<() => void>();
    vi.stubGlobal('print', print);
    const { client } = openedOn(101);
    await screen.findByTestId('message-window', {}, SLOW);
    // The title is set in the same commit's effects as the window's key listener: once it shows, Ctrl+P is heard
    // (the window's element alone can be found before those effects ran, and a loaded machine then lost the key).
    await waitFor(() => expect(document.title).toBe('Message 1 · Wren'));
    fireEvent.keyDown(window, { key: 'p', ctrlKey: true });
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('window-save-as'));
    await waitFor(() => expect(client.callsOf('messages.saveSource')).toEqual([expect.objectContaining({ messageId: 101 })]));
  });

  it('shows the next message once its own is deleted (Undo in the toast), the one before at the folder\'s end, and closes with none left', async () => {
    const { client, rows } = openedOn(101);
    fireEvent.click(await screen.findByTestId('window-delete', {}, SLOW));
    await waitFor(() => expect(document.title).toBe('Message 2 · Wren'));
    expect(client.callsOf('messages.apply')).toEqual([{ kind: 'delete', messageIds: [101] }]);
    expect(close).not.toHaveBeenCalled();
    fireEvent.click(within(await screen.findByTestId('toast')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows.get(101)!.folderId).toBe(10));
    key('#');
    await waitFor(() => expect(document.title).toBe('Message 1 · Wren'));
    key('Delete');
    await waitFor(() => expect(document.title).toBe('Message 0 · Wren'));
    key('Delete');
    await waitFor(() => expect(close).toHaveBeenCalled());
    // A window a script may not close (its address typed in) says where the message went.
    expect((await screen.findByTestId('message-window-gone')).textContent).toContain('moved to Trash');
    cleanup();

    const inTrash = openedOn(102, 14);
    await waitFor(() => expect(screen.getByTestId('window-delete').textContent).toBe('Delete for good'), SLOW);
    fireEvent.click(screen.getByTestId('window-delete'));
    expect(inTrash.client.callsOf('messages.apply')).toEqual([]);
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(inTrash.client.callsOf('messages.apply')).toEqual([{ kind: 'delete', messageIds: [102], permanent: true }]));
  });

  it('moves its message to a folder picked by typing (then shows the next), and copies it (then stays)', async () => {
    const { client, rows } = openedOn(101);
    await screen.findByTestId('message-window', {}, SLOW);
    await waitFor(() => expect(client.callsOf('folders.list')).toHaveLength(2));
    fireEvent.keyDown(window, { key: 'V', shiftKey: true });
    const picker = await screen.findByTestId('folder-picker');
    expect(within(picker).queryByTestId('pick-INBOX')).not.toBeNull(); // copying may target its own folder
    fireEvent.click(within(picker).getByTestId('pick-Archive'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'copy', messageIds: [101], folderId: 15 }]));
    const copied = await screen.findByTestId('toast');
    expect(copied.textContent).toContain('Archive');
    fireEvent.click(within(copied).getByTestId('toast-undo')); // deletes the copy
    await waitFor(() => expect(client.callsOf('operations.undo')).toHaveLength(1));
    expect(close).not.toHaveBeenCalled();

    key('v');
    const movePicker = await screen.findByTestId('folder-picker');
    expect(within(movePicker).queryByTestId('pick-INBOX')).toBeNull(); // the folder it is in
    fireEvent.change(within(movePicker).getByTestId('folder-picker-filter'), { target: { value: 'rec' } });
    fireEvent.keyDown(within(movePicker).getByTestId('folder-picker-filter'), { key: 'Enter' });
    await waitFor(() => expect(rows.get(101)!.folderId).toBe(16));
    await waitFor(() => expect(document.title).toBe('Message 2 · Wren'));
    expect((await screen.findByTestId('toast')).textContent).toContain('Receipts');
    expect(close).not.toHaveBeenCalled();
  });

  it('Move to… lists every account\'s folders, its own first, each under its account\'s name, as the main window does', async () => {
    window.location.hash = '#message=101&account=1';
    const core = mailCore(3);
    core.client.handlers['accounts.list'] = () => [{ ...ACCOUNT, name: 'Home' }, { ...ACCOUNT, id: 2, name: 'Work', email: 'me@work.example' }];
    const homeFolders = core.client.handlers['folders.list']!;
    core.client.handlers['folders.list'] = (params: { accountId: number | null }) =>
      params.accountId === 2 ? [{ ...folder(90, 'Clients'), accountId: 2 }] : homeFolders(params);
    renderWithClient(<App />, core.client);
    await screen.findByTestId('message-window', {}, SLOW);
    await waitFor(() => expect(core.client.callsOf('folders.list').map((call) => (call as { accountId: number | null }).accountId)).toEqual([1, null, 2]));
    key('v');
    const picker = await screen.findByTestId('folder-picker');
    expect(within(picker).getAllByRole('presentation').map((group) => group.textContent)).toEqual(['Home', 'Work']);
    fireEvent.click(within(picker).getByTestId('pick-Clients'));
    await waitFor(() => expect(core.client.callsOf('messages.apply')).toEqual([{ kind: 'move', messageIds: [101], folderId: 90 }]));
  });

  it('closes once its message is archived when the settings say so, as Thunderbird\'s option does', async () => {
    window.location.hash = '#message=101&account=1';
    const core = mailCore(3);
    core.client.handlers['settings.get'] = settingsCore({ closeMessageWindowOnMove: true }).handlers['settings.get'];
    renderWithClient(<App />, core.client);
    await waitFor(() => expect(document.title).toBe('Message 1 · Wren'), SLOW);
    await waitFor(() => expect(core.client.callsOf('settings.get')).toHaveLength(1));
    key('e');
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(core.client.callsOf('messages.neighbour')).toEqual([]);
    expect((await screen.findByTestId('message-window-gone')).textContent).toContain('archived');
  });

  it('says so when its message is gone meanwhile', async () => {
    const { client } = openedOn(101);
    await screen.findByTestId('message-window', {}, SLOW);
    client.handlers['messages.summary'] = () => failure({ code: 'NotFound', message: 'gone' });
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [101] }] });
    expect((await screen.findByTestId('message-window-gone')).textContent).toContain('moved or deleted');
  });
});
