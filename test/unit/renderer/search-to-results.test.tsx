// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const selectedIds = () =>
  screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => Number(row.dataset.messageId));

/** The App over an Inbox of three, whose search finds 102 then 101 for any words but "nothing". */
async function setup() {
  const { client, rows } = mailCore(3);
  const hit = (id: number): SearchHit => ({ ...rows.get(id)!, accountId: 1, folderPath: 'INBOX', folderName: 'INBOX', folderRole: 'inbox' });
  client.handlers['messages.search'] = ({ query }) =>
    query === 'nothing' ? { total: 0, items: [], unindexed: 0, textless: 0 } : { total: 2, items: [hit(102), hit(101)], unindexed: 0, textless: 0 };
  renderWithClient(<App />, client);
  await screen.findAllByTestId('message-row', {}, SLOW);
  const box = screen.getByTestId('search-box') as HTMLInputElement;
  box.focus();
  return { client, box };
}

describe('from the search box to its results, by the keyboard', () => {
  it('↓ searches the words typed at once and moves the focus to the results, the first one selected and shown', async () => {
    const { client, box } = await setup();
    fireEvent.change(box, { target: { value: 'message' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('message-list')));
    expect(client.callsOf('messages.search').map((call) => (call as { query: string }).query)).toEqual(['message']);
    expect(selectedIds()).toEqual([102]);
    expect((await screen.findByTestId('reading-pane')).dataset.messageId).toBe('102');
    // From there the list's own keys go on: ↓ to the next result.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(selectedIds()).toEqual([101]));
  });

  it('Enter does the same once the search has run', async () => {
    const { box } = await setup();
    fireEvent.change(box, { target: { value: 'message' } });
    await waitFor(() => expect(screen.getByText('Search: message')).toBeTruthy());
    expect(document.activeElement).toBe(box);
    fireEvent.submit(box.form!);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('message-list')));
    expect(selectedIds()).toEqual([102]);
  });

  it('leaves the focus in the box when nothing is found, where the words can be changed', async () => {
    const { box } = await setup();
    fireEvent.change(box, { target: { value: 'nothing' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    await screen.findByTestId('message-list-note');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(box);
  });
});
