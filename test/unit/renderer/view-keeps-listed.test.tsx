// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { unifiedCore } from './unified-core';

afterEach(cleanup);
withListLayout();

const subjects = () => screen.getAllByTestId('message-row').map((row) => row.textContent ?? '');
const selectedRows = () => screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true');

/** The App with the unified view `view` open over three messages, the first two unread, 101 starred too. */
async function openView(view: 'unread' | 'flagged', name: string) {
  const core = unifiedCore(3);
  core.rows.set(101, { ...core.rows.get(101)!, flagged: true });
  core.rows.set(102, { ...core.rows.get(102)!, seen: true });
  renderWithClient(<App />, core.client);
  await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3), SLOW);
  fireEvent.click(within(await screen.findByTestId(`view-${view}`)).getByRole('button'));
  await waitFor(() => expect(screen.getByTestId('message-list-folder').textContent).toBe(name));
  return core;
}

describe('the Unread and Starred views keep what they listed, as in Thunderbird', () => {
  it('a message read in Unread stays listed and selected, the pane on it, until the view is left', async () => {
    const { client } = await openView('unread', 'Unread');
    await waitFor(() => expect(subjects()).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('message-row')[0]!);
    fireEvent.click(await screen.findByTestId('action-mark-read'));
    await waitFor(() => expect(client.callsOf('messages.listView').some((call) => (call as { keep?: number[] }).keep?.includes(100))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 500)); // past the view's coalesced refresh
    expect(subjects()).toHaveLength(2);
    expect(selectedRows()).toHaveLength(1);
    expect(selectedRows()[0]!.textContent).toContain('Message 0');
    expect(screen.getByTestId('action-mark-unread')).toBeTruthy(); // the toolbar acts on the message still selected
    // Left and opened again, the view lists only what is unread now.
    fireEvent.click(within(screen.getByTestId('view-inbox')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('message-list-folder').textContent).toBe('All Inboxes'));
    fireEvent.click(within(screen.getByTestId('view-unread')).getByRole('button'));
    await waitFor(() => expect(subjects()).toHaveLength(1));
  });

  it('a message unstarred in Starred stays listed and selected', async () => {
    await openView('flagged', 'Starred');
    await waitFor(() => expect(subjects()).toHaveLength(1));
    fireEvent.click(screen.getAllByTestId('message-row')[0]!);
    fireEvent.click(await screen.findByTestId('action-unflag'));
    await waitFor(() => expect(screen.getByTestId('action-flag')).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(subjects()).toHaveLength(1);
    expect(selectedRows()).toHaveLength(1);
  });
});
