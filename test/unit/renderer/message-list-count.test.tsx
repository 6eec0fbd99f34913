// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

/** The Inbox of three unstarred messages, whose list answers a Starred quick filter with none. */
function inboxOfThree() {
  const { client } = mailCore(3);
  const list = client.handlers['messages.list']!;
  client.handlers['messages.list'] = (params) => (params.filter?.flagged ? { total: 0, items: [] } : list(params));
  return client;
}

describe("the list header's count", () => {
  it('says how many of the folder\'s messages a quick filter shows ("0 of 3"), and the plain count again once it is off', async () => {
    renderWithClient(<App />, inboxOfThree());
    const count = await screen.findByTestId('message-list-count', {}, SLOW);
    await waitFor(() => expect(count.textContent).toBe('3 messages'));
    fireEvent.click(screen.getByTestId('list-filter-flagged'));
    await waitFor(() => expect(screen.getByTestId('message-list-count').textContent).toBe('0 of 3 messages'));
    fireEvent.click(screen.getByTestId('list-filter-flagged'));
    await waitFor(() => expect(screen.getByTestId('message-list-count').textContent).toBe('3 messages'));
  });

  it('in Chinese: "3 封邮件中的 0 封"', async () => {
    renderWithClient(<App />, inboxOfThree(), 'zh');
    await screen.findByTestId('message-list-count', {}, SLOW);
    fireEvent.click(screen.getByTestId('list-filter-flagged'));
    await waitFor(() => expect(screen.getByTestId('message-list-count').textContent).toBe('3 封邮件中的 0 封'));
  });
});
