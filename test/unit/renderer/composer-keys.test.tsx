// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const NEW_MESSAGE = composedMessage();

async function openComposer() {
  const core = mailCore(1);
  Object.assign(core.client.handlers, {
    'settings.get': () => ({ settings: { app: DEFAULT_APP_SETTINGS, accounts: {} }, problems: [], path: '/s.json' }),
    'compose.start': () => NEW_MESSAGE,
    'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true }],
  });
  renderWithClient(<App />, core.client);
  await screen.findByTestId('message-list', {}, { timeout: 10_000 });
  fireEvent.keyDown(document.body, { key: 'c' });
  return screen.findByTestId('composer', {}, { timeout: 10_000 });
}

const fieldInput = (composer: HTMLElement, testId: string) => within(within(composer).getByTestId(testId)).getByRole('combobox');

describe('the composer\'s keys for Cc and Bcc (Thunderbird\'s)', () => {
  it('Ctrl+Shift+B in the composer shows and focuses Bcc, not the Address Book; Ctrl+Shift+C goes to Cc', async () => {
    const composer = await openComposer();
    expect(within(composer).getByTestId('compose-show-cc').title).toBe('Cc: Ctrl + Shift + C, Bcc: Ctrl + Shift + B');
    const to = fieldInput(composer, 'compose-to');
    fireEvent.keyDown(to, { key: 'B', code: 'KeyB', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(document.activeElement).toBe(fieldInput(composer, 'compose-bcc')));
    expect(screen.queryByTestId('address-book')).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(document.activeElement).toBe(fieldInput(composer, 'compose-cc')));
  });

  it('outside the composer Ctrl+Shift+B is still the Address Book', async () => {
    await openComposer();
    fireEvent.keyDown(document.body, { key: 'B', code: 'KeyB', ctrlKey: true, shiftKey: true });
    await screen.findByTestId('address-book');
  });
});
