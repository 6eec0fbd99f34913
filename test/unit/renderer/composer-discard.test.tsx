// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type ResultOf } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const NEW_MESSAGE = composedMessage();

describe('the composer: Discard while a draft is being saved', () => {
  it('discards the version that save stores, so no draft is left behind on the server', async () => {
    const core = mailCore(1);
    let answerSave: (saved: ResultOf<'drafts.save'>) => void = () => undefined;
    Object.assign(core.client.handlers, {
      'settings.get': () => ({ settings: { app: DEFAULT_APP_SETTINGS, accounts: {} }, problems: [], path: '/s.json' }),
      'compose.start': () => NEW_MESSAGE,
      'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true }],
      // The server is slow: the save is answered only when the test says so.
      'drafts.save': () => new Promise<ResultOf<'drafts.save'>>((resolve) => { answerSave = resolve; }),
      'drafts.discard': () => ({ discarded: true as const }),
    });
    const { client } = core;
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    fireEvent.keyDown(document.body, { key: 'c' });
    fireEvent.change(await screen.findByTestId('compose-subject', {}, { timeout: 10_000 }), { target: { value: 'Not to keep' } });
    fireEvent.click(screen.getByTestId('compose-save'));
    await waitFor(() => expect(client.callsOf('drafts.save')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('compose-discard'));
    answerSave({ draftMessageId: 900, stored: 'server' });
    await waitFor(() => expect(client.callsOf('drafts.discard')).toEqual([{ draftMessageId: 900, draftKey: null, accountId: 1 }]));
  });
});
