// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const selectedIds = () =>
  screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => Number(row.dataset.messageId));
const shownIds = () => screen.getAllByTestId('message-row').map((row) => Number(row.dataset.messageId));
/** Longer than the filter box waits for typing to pause (250 ms). */
const pause = () => act(() => new Promise((resolve) => setTimeout(resolve, 400)));

/** The Inbox of four messages ("Message 0"…), its list narrowed by the filter's words as the core does (in the subject here). */
async function inbox() {
  const core = mailCore(4);
  const list = core.client.handlers['messages.list']!;
  core.client.handlers['messages.list'] = (params) => {
    const answer = list(params) as { total: number; items: MessageSummary[] };
    const words = params.filter?.text?.trim();
    if (!words) return answer;
    const items = answer.items.filter((item) => item.subject.includes(words));
    return { total: items.length, items };
  };
  renderWithClient(<App />, core.client);
  await waitFor(() => expect(shownIds()).toHaveLength(4), SLOW);
  return core;
}

async function typeInFilter(text: string, rows: number) {
  fireEvent.change(screen.getByTestId('list-filter-text'), { target: { value: text } });
  await pause();
  await waitFor(() => expect(shownIds()).toHaveLength(rows));
}

describe('the selection across the quick filter', () => {
  it('emptying the words brings the whole list back with the message read still selected and open', async () => {
    await inbox();
    await typeInFilter('Message 2', 1);
    fireEvent.click(screen.getAllByTestId('message-row')[0]!);
    expect((await screen.findByTestId('reading-pane')).dataset.messageId).toBe('102');
    await typeInFilter('', 4);
    expect(selectedIds()).toEqual([102]);
    expect(screen.getByTestId('reading-pane').dataset.messageId).toBe('102');
  });

  it('words the message read still matches keep it selected; words that leave it out end the selection', async () => {
    await inbox();
    fireEvent.click(screen.getAllByTestId('message-row')[1]!);
    await screen.findByTestId('reading-pane');
    await typeInFilter('Message 1', 1);
    expect(selectedIds()).toEqual([101]);
    await typeInFilter('Message 3', 1);
    await waitFor(() => expect(screen.queryByTestId('reading-pane')).toBeNull());
    expect(selectedIds()).toEqual([]);
  });

  it('another folder starts with nothing selected, as before', async () => {
    await inbox();
    fireEvent.click(screen.getAllByTestId('message-row')[0]!);
    await screen.findByTestId('reading-pane');
    fireEvent.click(screen.getByTestId('folder-Sent').querySelector('button')!);
    await waitFor(() => expect(screen.queryByTestId('reading-pane')).toBeNull());
  });
});
