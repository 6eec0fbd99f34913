// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSearchAnswer } from '../../../src-main/ipc/contract';
import { ServerSearch } from '../../../src-renderer/components/Search/server-search';
import { failure, FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const answering = (answer: ServerSearchAnswer) => new FakeClient({ 'messages.searchServer': () => answer });

describe('Search on server under search results', () => {
  it('asks the core with the query and says what the server found and what was downloaded', async () => {
    const client = answering({ asked: 2, found: 3, downloaded: 3, notAsked: 0 });
    let refreshed = 0;
    renderWithClient(<ServerSearch query="procurement from:ann" textless={5} onDownloaded={() => (refreshed += 1)} />, client);
    fireEvent.click(screen.getByTestId('search-server'));
    expect((await screen.findByTestId('search-server-done')).textContent).toBe(
      'The server found the words in 3 messages; their text is now on this computer and in these results.',
    );
    expect(client.callsOf('messages.searchServer')).toEqual([{ query: 'procurement from:ann' }]);
    // The results are asked again, to list what was downloaded.
    expect(refreshed).toBe(1);
  });

  it('says when the server found nothing, and when only some were downloaded (in Chinese)', async () => {
    renderWithClient(<ServerSearch query="x" textless={1} onDownloaded={() => undefined} />, answering({ asked: 1, found: 0, downloaded: 0, notAsked: 0 }));
    fireEvent.click(screen.getByTestId('search-server'));
    expect((await screen.findByTestId('search-server-done')).textContent).toBe('The server found the words in none of them.');
    cleanup();
    renderWithClient(<ServerSearch query="会议" textless={900} onDownloaded={() => undefined} />, answering({ asked: 1, found: 800, downloaded: 500, notAsked: 0 }), 'zh');
    expect(screen.getByTestId('search-server').textContent).toBe('在服务器上搜索这 900 封邮件的正文');
    fireEvent.click(screen.getByTestId('search-server'));
    expect((await screen.findByTestId('search-server-done')).textContent).toContain('已下载其中 500 封');
  });

  it('offers nothing when every message in the results has its text here, and says why it failed when it did', async () => {
    renderWithClient(<ServerSearch query="x" textless={0} onDownloaded={() => undefined} />, answering({ asked: 0, found: 0, downloaded: 0, notAsked: 0 }));
    expect(screen.queryByTestId('search-server')).toBeNull();
    cleanup();
    renderWithClient(<ServerSearch query="x" textless={2} onDownloaded={() => undefined} />, new FakeClient({ 'messages.searchServer': () => failure({ code: 'Offline', message: 'unreachable' }) }));
    fireEvent.click(screen.getByTestId('search-server'));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
  });
});
