// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderRole, SearchHit } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

/** The App showing search results: message 100 found in Trash, 101 in Drafts. */
async function searchResults() {
  const { client, rows } = mailCore(2);
  const hit = (id: number, folderRole: FolderRole): SearchHit => ({ ...rows.get(id)!, accountId: 1, folderPath: folderRole, folderName: folderRole, folderRole });
  client.handlers['messages.search'] = () => ({ total: 2, items: [hit(100, 'trash'), hit(101, 'drafts')], unindexed: 0, textless: 0 });
  renderWithClient(<App />, client);
  await screen.findAllByTestId('message-row', {}, SLOW);
  fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'message' } });
  await waitFor(() => expect(screen.getByText('Search: message')).toBeTruthy());
  await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(2));
  return { client, rows: () => screen.getAllByTestId('message-row') };
}

describe('commands in search results, a list of many folders', () => {
  it('Shift+C (mark the folder read) does nothing there: the results are no folder', async () => {
    const { client } = await searchResults();
    fireEvent.keyDown(document.body, { key: 'C', shiftKey: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.callsOf('folders.markRead')).toEqual([]);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('asks before deleting a message found in Trash (for good), and offers Edit draft for one found in Drafts', async () => {
    const { client, rows } = await searchResults();
    fireEvent.click(rows()[1]!);
    expect(screen.getByTestId('action-edit-draft')).toBeTruthy();
    expect(screen.queryByTestId('action-reply')).toBeNull();

    fireEvent.click(rows()[0]!);
    expect(screen.getByTestId('action-reply')).toBeTruthy();
    fireEvent.click(screen.getByTestId('action-delete'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(client.callsOf('messages.apply')).toEqual([]);
    fireEvent.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'delete', messageIds: [100], permanent: true }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('deleted for good');
  });
});
