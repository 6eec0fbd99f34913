// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

/** Longer than the box waits for typing to settle (250 ms). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 400)));

function setup() {
  const { client, rows } = mailCore(2);
  const hit = (id: number): SearchHit => ({ ...rows.get(id)!, accountId: 1, folderPath: 'INBOX', folderName: 'INBOX', folderRole: 'inbox' });
  client.handlers['messages.search'] = () => ({ total: 1, items: [hit(100)], unindexed: 0, textless: 0 });
  renderWithClient(<App />, client);
  return { client, queries: () => client.callsOf('messages.search').map((call) => (call as { query: string }).query) };
}

describe('the search box', () => {
  it('keeps the same field, its focus and its text while results come and go', async () => {
    const { queries } = setup();
    await screen.findAllByTestId('message-row', {}, SLOW);
    const box = screen.getByTestId('search-box') as HTMLInputElement;
    box.focus();
    for (const text of ['m', 'me', 'mes', 'mes ', 'mes s']) {
      fireEvent.change(box, { target: { value: text } });
      await settle();
      expect(screen.getByTestId('search-box')).toBe(box); // not a new input: a remount would have lost the focus
      expect(document.activeElement).toBe(box);
      expect(box.value).toBe(text); // the trailing space typed before a settle stays
    }
    expect(queries()).toEqual(['m', 'me', 'mes', 'mes s']);
  });

  it('says when messages were searched by their headers only, their text not being on this computer', async () => {
    const { client } = setup();
    await screen.findAllByTestId('message-row', {}, SLOW);
    const answer = client.handlers['messages.search']!;
    client.handlers['messages.search'] = (params) => ({ ...(answer(params) as { total: number; items: SearchHit[]; unindexed: number }), textless: 2 });
    fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'procurement' } });
    await settle();
    expect((await screen.findByTestId('search-textless')).textContent).toBe(
      'The text of 2 messages is not on this computer (never opened), so only their sender, recipients and subject were searched. To search all text, keep messages for offline reading in Settings.',
    );
  });

  it('says which words before a colon are no operator and were searched as text, in English and in Chinese', async () => {
    for (const [language, words] of [['en', 'Unknown operator foo: — searched as text.'], ['zh', '未知的搜索运算符 foo:，已按普通文字搜索。']] as const) {
      const { client, rows } = mailCore(1);
      client.handlers['messages.search'] = ({ query }) => ({
        total: 1, items: [{ ...rows.get(100)!, accountId: 1, folderPath: 'INBOX', folderName: 'INBOX', folderRole: 'inbox' as const }], unindexed: 0, textless: 0,
        ...(query.includes('foo:') && { unknownOperators: ['foo:'] }),
      });
      renderWithClient(<App />, client, language);
      await screen.findAllByTestId('message-row', {}, SLOW);
      fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'foo:bar' } });
      await settle();
      expect((await screen.findByTestId('search-unknown-operators')).textContent).toBe(words);
      // A query with known operators only says nothing.
      fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'is:unread' } });
      await settle();
      await waitFor(() => expect(screen.queryByTestId('search-unknown-operators')).toBeNull());
      cleanup();
    }
  });

  it('searches nothing while an input method composes, and the composed words when it ends', async () => {
    const { queries } = setup();
    await screen.findAllByTestId('message-row', {}, SLOW);
    const box = screen.getByTestId('search-box') as HTMLInputElement;
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'hui' } });
    await settle();
    fireEvent.change(box, { target: { value: 'hui yi' } });
    await settle();
    expect(queries()).toEqual([]);
    fireEvent.change(box, { target: { value: '会议' } });
    fireEvent.compositionEnd(box);
    await waitFor(() => expect(queries()).toEqual(['会议']));
    expect(box.value).toBe('会议');
  });
});
