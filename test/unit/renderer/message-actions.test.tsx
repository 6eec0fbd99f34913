// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { MESSAGES_MIME } from '../../../src-renderer/components/MessageList/message-drag';
import { failure, renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const rowsShown = () => screen.findAllByTestId('message-row', {}, SLOW);
const subjects = () => screen.queryAllByTestId('message-row').map((row) => row.textContent);
const selectedIds = () =>
  screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => Number(row.dataset.messageId));

/** A drag from the list and a drop on a folder, carrying the data as the browser does between them. */
function dragOnto(row: HTMLElement, target: HTMLElement, { ctrlKey = false } = {}) {
  const data = new Map<string, string>();
  const dataTransfer = {
    types: [] as string[],
    setData(type: string, value: string) {
      data.set(type, value);
      this.types.push(type);
    },
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  const fire = (element: HTMLElement, type: string) => {
    const event = new MouseEvent(type, { bubbles: true, cancelable: true, ctrlKey });
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    act(() => void element.dispatchEvent(event));
    return event;
  };
  fire(row, 'dragstart');
  const over = fire(target, 'dragover');
  fire(target, 'drop');
  return { over, dataTransfer };
}

describe('message actions', () => {
  it('deletes from the toolbar, selects the next message, and Undo in the toast brings it back', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[1]!);
    fireEvent.click(screen.getByTestId('action-delete'));

    await waitFor(() => expect(subjects()).toHaveLength(2));
    expect(client.callsOf('messages.apply')).toEqual([{ kind: 'delete', messageIds: [101] }]);
    await waitFor(() => expect(selectedIds()).toEqual([102]));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Message moved to Trash.');

    fireEvent.click(within(toast).getByTestId('toast-undo'));
    await waitFor(() => expect(client.callsOf('operations.undo')).toEqual([{ operationId: 1 }]));
    await waitFor(() => expect(subjects()).toHaveLength(3));
    expect((await screen.findByTestId('toast')).textContent).toContain('Undone.');
    // The message that left is back and open again, not the one selected in its place.
    await waitFor(() => expect(selectedIds()).toEqual([101]));
  });

  it('Undo of a delete selects the whole selection that left again', async () => {
    const { client } = mailCore(4);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.click(rows[2]!, { shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual([100, 101, 102]));
    fireEvent.click(screen.getByTestId('action-delete'));
    await waitFor(() => expect(selectedIds()).toEqual([103]));
    fireEvent.click(within(await screen.findByTestId('toast')).getByTestId('toast-undo'));
    await waitFor(() => expect(selectedIds()).toEqual([100, 101, 102]));
  });

  it('right click offers the actions on the row, leaving the selection as it was; Move to… filters folders as the user types', async () => {
    const { client, inFolder } = mailCore(3);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.contextMenu(rows[2]!);
    expect(selectedIds()).toEqual([100]);
    const menu = screen.getByRole('menu', { name: 'Message menu' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Open in new window', 'Delete', 'Archive', 'Move to…', 'Copy to…', 'Mark as read', 'Star', 'Mark as junk', 'Not junk',
      'Important  (1)', 'Work  (2)', 'Personal  (3)', 'To Do  (4)', 'Later  (5)', 'Remove all tags  (0)', 'Mark thread as read', 'Ignore thread', 'Create filter from message…',
    ]);
    fireEvent.click(within(menu).getByTestId('menu-move'));

    const picker = screen.getByTestId('folder-picker');
    expect(within(picker).queryByTestId('pick-INBOX')).toBeNull(); // the folder it is in
    expect(within(picker).queryByTestId('pick-Projects')).toBeNull(); // holds no mail
    fireEvent.change(within(picker).getByTestId('folder-picker-filter'), { target: { value: 'rec' } });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['📁 Receipts']);
    fireEvent.keyDown(within(picker).getByTestId('folder-picker-filter'), { key: 'Enter' });

    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'move', messageIds: [102], folderId: 16 }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Message moved to Receipts.');
    expect(inFolder(16).map((row) => row.id)).toEqual([102]);
  });

  it('copies to a folder picked from the toolbar, for every selected message', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.click(rows[1]!, { ctrlKey: true });
    fireEvent.click(screen.getByTestId('action-copy'));
    fireEvent.click(within(screen.getByTestId('folder-picker')).getByTestId('pick-INBOX'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'copy', messageIds: [100, 101], folderId: 10 }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('2 messages copied to Inbox.');
  });

  it('moves the selection dragged onto a folder, and copies it with Ctrl held', async () => {
    const { client } = mailCore(4);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.click(rows[1]!, { ctrlKey: true });
    const wren = screen.getByTestId('folder-Projects/Wren');

    const { over, dataTransfer } = dragOnto(rows[1]!, wren, { ctrlKey: true });
    expect(dataTransfer.types).toEqual([MESSAGES_MIME]);
    expect(over.defaultPrevented).toBe(true); // the folder accepts the drop
    expect(dataTransfer.dropEffect).toBe('copy');
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'copy', messageIds: [100, 101], folderId: 13 }]));

    dragOnto(rows[1]!, wren);
    await waitFor(() => expect(client.callsOf('messages.apply')).toHaveLength(2));
    expect(client.callsOf('messages.apply')[1]).toEqual({ kind: 'move', messageIds: [100, 101], folderId: 13 });
    await waitFor(() => expect(subjects()).toHaveLength(2));
  });

  it('drags an unselected row alone, and a folder that holds no mail refuses the drop', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    const { over } = dragOnto(rows[2]!, screen.getByTestId('folder-Projects'));
    expect(over.defaultPrevented).toBe(false);
    expect(selectedIds()).toEqual([102]);
    dragOnto(rows[2]!, screen.getByTestId('folder-Receipts'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'move', messageIds: [102], folderId: 16 }]));
  });

  it('asks before deleting for good in Trash', async () => {
    const { client } = mailCore(2);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    fireEvent.click(screen.getByTestId('action-delete'));
    await waitFor(() => expect(subjects()).toHaveLength(1));
    fireEvent.click(within(screen.getByTestId('folder-Trash')).getByRole('button'));
    fireEvent.click((await rowsShown())[0]!);
    fireEvent.click(screen.getByTestId('action-delete'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('This message will be deleted for good.');
    expect(client.callsOf('messages.apply')).toHaveLength(1);
    fireEvent.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toHaveLength(2));
    expect(client.callsOf('messages.apply')[1]).toEqual({ kind: 'delete', messageIds: [100], permanent: true });
  });

  it('flags, marks read and junk for the whole selection; wording follows the selection', async () => {
    const { client } = mailCore(2);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.click(rows[1]!, { shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual([100, 101]));
    fireEvent.click(screen.getByTestId('action-flag'));
    await screen.findByTestId('action-unflag');
    fireEvent.click(screen.getByTestId('action-junk'));
    await waitFor(() =>
      expect(client.callsOf('messages.apply')).toEqual([
        { kind: 'flags', messageIds: [100, 101], add: ['\\Flagged'], remove: [] },
        { kind: 'junk', messageIds: [100, 101], junk: true },
      ]),
    );
    expect((await screen.findByTestId('toast')).textContent).toContain('2 messages marked as junk and moved to Junk.');
  });

  it('says only "marked as junk" when the core moved nothing (an account without a Junk folder takes the keyword alone)', async () => {
    const { client } = mailCore(1);
    client.handlers['messages.apply'] = () => ({ operationId: 1, operationIds: [1], affected: 1, undoable: true, moved: 0 });
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    fireEvent.click(screen.getByTestId('action-junk'));
    expect((await screen.findByTestId('toast')).textContent).toContain('Message marked as junk.');
    expect(screen.getByTestId('toast').textContent).not.toContain('moved');
  });

  it('offers Star and Mark read once, in the toolbar (none in the reading pane), acting on the open message', async () => {
    const { client } = mailCore(2);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    const pane = await screen.findByTestId('reading-pane');
    expect(within(pane).queryByTestId('toggle-flag')).toBeNull();
    expect(within(pane).queryByTestId('toggle-seen')).toBeNull();
    expect(screen.getAllByRole('button', { name: /^(☆ )?Star$/ })).toHaveLength(1);
    fireEvent.click(screen.getByTestId('action-flag'));
    await screen.findByTestId('action-unflag');
    expect(client.callsOf('messages.apply')).toEqual([{ kind: 'flags', messageIds: [100], add: ['\\Flagged'], remove: [] }]);
  });

  it('a toast on screen is worded again when the language is switched live (undo and error toasts alike)', async () => {
    const core = mailCore(3);
    renderWithClient(<App />, core.client);
    fireEvent.click((await rowsShown())[0]!);
    act(() => core.client.emit('operation.failed', { operationId: 1, accountId: 1, kind: 'delete', error: { code: 'Timeout', message: 't' } }));
    expect((await screen.findByTestId('toast-error')).textContent).toContain('Deleting messages could not be done on the server.');
    fireEvent.click(screen.getByTestId('action-delete'));
    expect((await screen.findByTestId('toast')).textContent).toContain('Message moved to Trash.');

    fireEvent.change(screen.getByTestId('language'), { target: { value: 'zh' } });
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('邮件已移到“已删除”。'));
    expect(within(screen.getByTestId('toast')).getByTestId('toast-undo').textContent).toBe('撤销');
    expect(screen.getByTestId('toast-error').textContent).toContain('无法在服务器上删除邮件。');
    expect(screen.getByTestId('toast-error').textContent).not.toContain('Deleting');
  });

  it('says in words when the core refuses an action, and when the server later refuses one', async () => {
    const core = mailCore(2);
    core.client.handlers['messages.apply'] = () => failure({ code: 'DiskFull', message: 'SQLITE_FULL' });
    renderWithClient(<App />, core.client);
    fireEvent.click((await rowsShown())[0]!);
    fireEvent.click(screen.getByTestId('action-archive'));
    expect((await screen.findByTestId('toast-error')).textContent).toContain('The disk is full');

    act(() => core.client.emit('operation.failed', { operationId: 7, accountId: 1, kind: 'move', error: { code: 'ServerSaid', message: 'NO [TRYCREATE] Mailbox does not exist' } }));
    await waitFor(() => expect(screen.getAllByTestId('toast-error').at(-1)!.textContent).toContain('Moving messages could not be done on the server.'));
    const words = screen.getAllByTestId('toast-error').at(-1)!.textContent;
    expect(words).toContain('NO [TRYCREATE] Mailbox does not exist');
    expect(words).toContain('The mail is shown again as the server has it.');
  });

  it('words the undo toast and a failure in Chinese', async () => {
    const core = mailCore(2);
    renderWithClient(<App />, core.client, 'zh');
    fireEvent.click((await rowsShown())[0]!);
    fireEvent.click(screen.getByTestId('action-delete'));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('邮件已移到“已删除”。');
    expect(within(toast).getByTestId('toast-undo').textContent).toBe('撤销');
    act(() => core.client.emit('operation.failed', { operationId: 1, accountId: 1, kind: 'delete', error: { code: 'Timeout', message: 't' } }));
    expect((await screen.findByTestId('toast-error')).textContent).toContain('无法在服务器上删除邮件。');
  });
});
