// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const rowsShown = () => screen.findAllByTestId('message-row', {}, SLOW);
const selectedIds = () =>
  screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => Number(row.dataset.messageId));

describe('selecting messages', () => {
  it('click selects one, Ctrl+click adds and removes, Shift+click takes the range; the pane shows one message or a count', async () => {
    const { client } = mailCore(6);
    renderWithClient(<App />, client);
    const rows = await rowsShown();
    fireEvent.click(rows[1]!);
    expect(selectedIds()).toEqual([101]);
    expect((await screen.findByTestId('message-subject')).textContent).toContain('Message 1');

    fireEvent.click(rows[3]!, { ctrlKey: true });
    expect(selectedIds()).toEqual([101, 103]);
    expect(screen.getByTestId('selection-summary').textContent).toContain('2 messages selected');

    fireEvent.click(rows[1]!, { metaKey: true });
    expect(selectedIds()).toEqual([103]);
    await screen.findByTestId('reading-pane');

    fireEvent.click(rows[3]!);
    fireEvent.click(rows[5]!, { shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual([103, 104, 105]));
    expect(screen.getByTestId('selection-summary').textContent).toContain('3 messages selected');
    expect(screen.getByTestId('selection-count').textContent).toBe('3 messages selected');
  });

  it('Ctrl+A selects every message of the folder, also those on pages never scrolled to, and an action takes them all', async () => {
    const { client } = mailCore(450);
    renderWithClient(<App />, client);
    await rowsShown();
    expect(client.callsOf('messages.list')).toEqual([{ folderId: 10, offset: 0, limit: 200, sort: { by: 'date', descending: true }, filter: { hideIgnored: true } }]);
    fireEvent.keyDown(screen.getByTestId('message-list'), { key: 'a', ctrlKey: true });
    expect((await screen.findByTestId('selection-summary')).textContent).toContain('450 messages selected');

    fireEvent.click(screen.getByTestId('action-mark-read'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toHaveLength(1));
    const [operation] = client.callsOf('messages.apply') as { kind: string; messageIds: number[]; add: string[] }[];
    expect(operation!.kind).toBe('flags');
    expect(operation!.add).toEqual(['\\Seen']);
    expect(new Set(operation!.messageIds).size).toBe(450);
  });

  it('keeps the selection by message, not by row, when mail arrives above it', async () => {
    const core = mailCore(4);
    renderWithClient(<App />, core.client);
    fireEvent.click((await rowsShown())[2]!);
    expect(selectedIds()).toEqual([102]);
    // Another message arrives at the top of the list: every row moves down by one.
    core.rows.set(50, { ...core.rows.get(100)!, id: 50, subject: 'Newcomer' });
    act(() => core.client.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [50] }] }));
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(5));
    expect(selectedIds()).toEqual([102]);
  });

  it('empties the reading pane when the message it shows is gone (deleted on another device, a draft sent); Down goes on from its place', async () => {
    const core = mailCore(4);
    renderWithClient(<App />, core.client);
    fireEvent.click((await rowsShown())[1]!);
    expect((await screen.findByTestId('message-subject')).textContent).toContain('Message 1');
    core.rows.delete(101);
    act(() => core.client.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [101] }] }));
    await waitFor(() => expect(screen.queryByTestId('message-subject')).toBeNull());
    expect(screen.getByText('Choose a message to read it.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3));
    expect(selectedIds()).toEqual([]);
    // The row that took its place is the next one down, as in Thunderbird.
    fireEvent.keyDown(screen.getByTestId('message-list'), { key: 'ArrowDown' });
    await waitFor(() => expect(selectedIds()).toEqual([102]));
  });

  it('says how many are selected in Chinese', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client, 'zh');
    const rows = await rowsShown();
    fireEvent.click(rows[0]!);
    fireEvent.click(rows[2]!, { shiftKey: true });
    expect((await screen.findByTestId('selection-summary')).textContent).toContain('已选择 3 封邮件');
  });
});
