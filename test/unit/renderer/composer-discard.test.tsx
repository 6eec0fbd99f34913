// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
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
      'drafts.discard': () => ({ discarded: true as const, undoOperationId: null }),
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

  it('Discard of a reopened draft offers Undo, which takes the draft back out of Trash and reopens the composer on it', async () => {
    const core = mailCore(1);
    Object.assign(core.client.handlers, {
      'settings.get': () => ({ settings: { app: DEFAULT_APP_SETTINGS, accounts: {} }, problems: [], path: '/s.json' }),
      'compose.start': () => composedMessage({ draftMessageId: 900, subject: 'Kept for later', to: [{ name: '', address: 'bob@example.test' }] }),
      'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true }],
      'drafts.save': () => ({ draftMessageId: 901, stored: 'server' as const }),
      'drafts.discard': () => ({ discarded: true as const, undoOperationId: 41 }),
      'operations.undo': () => ({ undone: true as const }),
    });
    const { client } = core;
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    fireEvent.keyDown(document.body, { key: 'c' });
    fireEvent.click(await screen.findByTestId('compose-discard', {}, { timeout: 10_000 }));
    await waitFor(() => expect(client.callsOf('drafts.discard')).toEqual([{ draftMessageId: 900, draftKey: null, accountId: 1 }]));
    expect(screen.queryByTestId('composer')).toBeNull();
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Draft discarded.');
    fireEvent.click(within(toast).getByTestId('toast-undo'));
    await waitFor(() => expect(client.callsOf('operations.undo')).toEqual([{ operationId: 41 }]));
    expect(((await screen.findByTestId('compose-subject')) as HTMLInputElement).value).toBe('Kept for later');
    // The composer goes on with the draft back in Drafts: its next save replaces that one.
    fireEvent.click(screen.getByTestId('compose-save'));
    await waitFor(() => expect(client.callsOf('drafts.save')).toContainEqual(expect.objectContaining({ draftMessageId: 900 })));
  });
});
