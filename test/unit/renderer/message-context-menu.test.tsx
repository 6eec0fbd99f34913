// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const rowsShown = () => screen.findAllByTestId('message-row', {}, SLOW);
const rowOf = (id: number) => screen.getAllByTestId('message-row').find((row) => Number(row.dataset.messageId) === id)!;
const selectedIds = () =>
  screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => Number(row.dataset.messageId));
const readIds = (client: ReturnType<typeof mailCore>['client']) => client.callsOf('messages.read').map((call) => (call as { messageId: number }).messageId);
const menuItem = (testId: string) => within(screen.getByRole('menu', { name: 'Message menu' })).getByTestId(testId);

/** Opens the row's menu and picks an item; the menu closes, the selection stays as it was. */
function fromMenuOf(id: number, testId: string) {
  fireEvent.contextMenu(rowOf(id));
  fireEvent.click(menuItem(testId));
  expect(screen.queryByRole('menu')).toBeNull();
}

describe('a message row\'s context menu (Thunderbird\'s context target)', () => {
  it('neither opens nor selects the row right-clicked: the open message stays, the row is outlined while the menu is open', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    await waitFor(() => expect(readIds(client)).toEqual([100]));
    fireEvent.contextMenu(rowOf(102));
    screen.getByRole('menu', { name: 'Message menu' });
    expect(selectedIds()).toEqual([100]);
    expect(rowOf(102).classList.contains('message-row--menu-target')).toBe(true);
    expect(rowOf(100).classList.contains('message-row--menu-target')).toBe(false);
    // Not read, not opened in the reading pane: only the message the user chose was read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readIds(client)).toEqual([100]);
    expect(client.callsOf('messages.apply')).toEqual([]);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(selectedIds()).toEqual([100]);
    expect(rowOf(102).classList.contains('message-row--menu-target')).toBe(false);
  });

  it('every action acts on the row right-clicked, not on the selection', async () => {
    const { client } = mailCore(4);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    fromMenuOf(102, 'menu-mark-read');
    fromMenuOf(102, 'menu-flag');
    fromMenuOf(102, 'menu-tag-2');
    fromMenuOf(102, 'menu-junk');
    await waitFor(() => expect(client.callsOf('messages.apply')).toHaveLength(4));
    fromMenuOf(101, 'menu-move');
    fireEvent.click(within(screen.getByTestId('folder-picker')).getByTestId('pick-Receipts'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toHaveLength(5));
    fromMenuOf(103, 'menu-delete');
    await waitFor(() => expect(client.callsOf('messages.apply')).toHaveLength(6));
    expect(client.callsOf('messages.apply')).toEqual([
      { kind: 'flags', messageIds: [102], add: ['\\Seen'], remove: [] },
      { kind: 'flags', messageIds: [102], add: ['\\Flagged'], remove: [] },
      { kind: 'flags', messageIds: [102], add: ['$label2'], remove: [] },
      { kind: 'junk', messageIds: [102], junk: true },
      { kind: 'move', messageIds: [101], folderId: 16 },
      { kind: 'delete', messageIds: [103] },
    ]);
    // What was being read stays open and selected throughout.
    expect(selectedIds()).toEqual([100]);
    expect(readIds(client)).toEqual([100]);
  });

  it('inside a multi-selection it acts on the whole selection, as before', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.click(rows[1]!, { ctrlKey: true });
    fromMenuOf(101, 'menu-flag');
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'flags', messageIds: [100, 101], add: ['\\Flagged'], remove: [] }]));
    expect(selectedIds()).toEqual([100, 101]);
  });

  it('the context-menu key (Shift+F10) on the list opens the focused message\'s menu, which acts on it', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[1]!);
    fireEvent.contextMenu(screen.getByTestId('message-list'));
    expect(screen.getAllByRole('menuitem')[0]!.textContent).toBe('Open in new window');
    fireEvent.click(menuItem('menu-flag'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'flags', messageIds: [101], add: ['\\Flagged'], remove: [] }]));
  });
});
