// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { ACCOUNT } from './mail-fixtures';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const note = () => screen.findByTestId('message-list-note', {}, SLOW);

describe('an empty list says why, in both languages', () => {
  it('an empty folder, and a search that finds nothing', async () => {
    for (const [language, empty, none] of [['en', 'This folder is empty.', 'No message matches.'], ['zh', '此文件夹是空的。', '没有匹配的邮件。']] as const) {
      const { client } = mailCore(0);
      client.handlers['messages.search'] = () => ({ total: 0, items: [], unindexed: 0, textless: 0 });
      renderWithClient(<App />, client, language);
      expect((await note()).textContent).toBe(empty);
      fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'nowhere' } });
      await act(() => new Promise((resolve) => setTimeout(resolve, 400))); // the box waits for typing to settle
      expect((await note()).textContent).toBe(none);
      cleanup();
    }
  });

  it('offline with nothing stored: not "empty" (the server may hold mail), but that nothing is stored here and the account is offline', async () => {
    for (const [language, words] of [['en', /^Nothing of this folder is stored on this computer\. Work is offline/], ['zh', /^这台电脑上没有此文件夹的邮件。Work 离线/]] as const) {
      const { client } = mailCore(0);
      client.handlers['accounts.list'] = () => [{ ...ACCOUNT, state: 'offline', lastError: { code: 'Offline', message: 'x' } }];
      renderWithClient(<App />, client, language);
      expect((await note()).textContent).toMatch(words);
      cleanup();
    }
  });
});
