// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { settingsCore } from './settings-core';
import { unifiedCore } from './unified-core';

afterEach(cleanup);
withListLayout();

/** The App on the Inbox of two accounts' core, whose settings are kept as the core keeps them, its rows shown. */
async function opened() {
  const core = unifiedCore(3);
  const { handlers } = settingsCore();
  core.client.handlers['settings.get'] = handlers['settings.get'];
  core.client.handlers['settings.update'] = handlers['settings.update'];
  const hit = (id: number): SearchHit => ({ ...core.rows.get(id)!, accountId: 1, folderPath: 'INBOX', folderName: 'INBOX', folderRole: 'inbox' });
  core.client.handlers['messages.search'] = () => ({ total: 1, items: [hit(100)], unindexed: 0, textless: 0 });
  renderWithClient(<App />, core.client);
  await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3), SLOW);
  return core;
}

const askedInThreads = (calls: unknown[]) => calls.some((call) => (call as { threads?: unknown }).threads !== undefined);

describe('where the Threads switch is offered', () => {
  it('over a folder, whose list it arranges in threads', async () => {
    const { client } = await opened();
    fireEvent.click(screen.getByTestId('list-threads'));
    await waitFor(() => expect(askedInThreads(client.callsOf('messages.list'))).toBe(true));
  });

  it('not over a unified view, which is listed without threads: the switch there would change nothing', async () => {
    const { client } = await opened();
    fireEvent.click(within(await screen.findByTestId('view-unread')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('message-list-folder').textContent).toBe('Unread'));
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3));
    expect(askedInThreads(client.callsOf('messages.listView'))).toBe(false);
    // The order is still offered there: only the switch goes.
    expect(screen.getByTestId('list-sort-by')).toBeTruthy();
    expect(screen.queryByTestId('list-threads')).toBeNull();
  });

  it('not over search results, and back over the folder once the search ends', async () => {
    await opened();
    fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'message' } });
    await waitFor(() => expect(screen.getByText('Search: message')).toBeTruthy());
    expect(screen.getByTestId('list-sort-by')).toBeTruthy();
    expect(screen.queryByTestId('list-threads')).toBeNull();
    fireEvent.click(screen.getByTestId('search-clear'));
    expect(await screen.findByTestId('list-threads')).toBeTruthy();
  });
});
