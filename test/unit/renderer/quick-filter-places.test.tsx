// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { unifiedCore } from './unified-core';

afterEach(cleanup);
withListLayout();

/** The App on the Inbox of two accounts' core, its rows shown. */
async function opened() {
  const core = unifiedCore(3);
  const hit = (id: number): SearchHit => ({ ...core.rows.get(id)!, accountId: 1, folderPath: 'INBOX', folderName: 'INBOX', folderRole: 'inbox' });
  core.client.handlers['messages.search'] = () => ({ total: 1, items: [hit(100)], unindexed: 0, textless: 0 });
  renderWithClient(<App />, core.client);
  await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3), SLOW);
  return core;
}

describe('where the quick filter is offered', () => {
  it('over a folder, whose list it narrows', async () => {
    const { client } = await opened();
    fireEvent.click(screen.getByTestId('list-filter-unread'));
    await waitFor(() => expect(client.callsOf('messages.list').some((call) => (call as { filter?: { unread?: boolean } }).filter?.unread)).toBe(true));
  });

  it('over a unified view too, which is asked for with it (Thunderbird\'s quick filter works over unified folders)', async () => {
    const { client } = await opened();
    fireEvent.click(within(await screen.findByTestId('view-unread')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('message-list-folder').textContent).toBe('Unread'));
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3));
    fireEvent.click(screen.getByTestId('list-filter-flagged'));
    await waitFor(() => expect(client.callsOf('messages.listView').some((call) => (call as { filter?: { flagged?: boolean } }).filter?.flagged)).toBe(true));
    expect(screen.getByTestId('list-filter-text')).toBeTruthy();
  });

  it('not over search results, and back over the folder once the search ends', async () => {
    await opened();
    fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'message' } });
    await waitFor(() => expect(screen.getByText('Search: message')).toBeTruthy());
    expect(screen.queryByTestId('list-filter-unread')).toBeNull();
    fireEvent.click(screen.getByTestId('search-clear'));
    expect(await screen.findByTestId('list-filter-unread')).toBeTruthy();
  });
});
