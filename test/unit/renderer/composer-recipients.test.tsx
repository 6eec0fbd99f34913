// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type ParamsOf } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** The mail app over a fake core that composes and queues sends; the composer opened on a new message. */
async function openComposer() {
  const core = mailCore(1);
  const sends: ParamsOf<'outbox.send'>[] = [];
  Object.assign(core.client.handlers, {
    'settings.get': () => ({ settings: { app: { ...DEFAULT_APP_SETTINGS, undoSendSeconds: 0 }, accounts: {} }, problems: [], path: '/s.json' }),
    'compose.start': () => composedMessage({ subject: 'Hello', text: 'Hi Carol' }),
    'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true }],
    'drafts.save': () => ({ draftMessageId: 900, stored: 'server' as const }),
    'drafts.discard': () => ({ discarded: true as const, undoOperationId: null }),
    'outbox.send': (params: ParamsOf<'outbox.send'>) => {
      sends.push(params);
      return { id: 7, accountId: 1, messageId: '<m@x>', subject: 'Hello', to: [], state: 'waiting' as const, sendAt: null, attempts: 0, nextAttemptAt: null, error: null, refused: [], createdAt: 0 };
    },
  });
  renderWithClient(<App />, core.client);
  await screen.findByTestId('message-list', {}, { timeout: 10_000 });
  await waitFor(() => expect(core.client.callsOf('settings.get').length).toBeGreaterThan(0));
  fireEvent.keyDown(document.body, { key: 'c' });
  const composer = await screen.findByTestId('composer', {}, { timeout: 10_000 });
  const to = within(within(composer).getByTestId('compose-to')).getByRole('combobox');
  return { composer, to, sends };
}

describe('the composer\'s recipients', () => {
  it('Ctrl+Enter in To sends to the address still being typed there', async () => {
    const { composer, to, sends } = await openComposer();
    fireEvent.change(to, { target: { value: 'carol@example.test' } });
    fireEvent.keyDown(to, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(sends).toHaveLength(1));
    expect(sends[0]!.message.to).toEqual([{ name: '', address: 'carol@example.test' }]);
    expect(within(composer).queryByTestId('compose-problem')).toBeNull();
  });

  it('the invalid-address error goes once the bad chip is removed', async () => {
    const { composer, to } = await openComposer();
    fireEvent.change(to, { target: { value: 'bad@@x' } });
    fireEvent.keyDown(to, { key: 'Enter' });
    fireEvent.click(within(composer).getByTestId('compose-send'));
    expect(within(composer).getByTestId('compose-problem').textContent).toContain('bad@@x');
    fireEvent.click(within(composer).getByRole('button', { name: /bad@@x/ }));
    expect(within(composer).queryByTestId('compose-problem')).toBeNull();
  });

  it('one press on "Cc / Bcc" shows Cc and Bcc while an address is typed in To, and keeps that address', async () => {
    const { composer, to } = await openComposer();
    fireEvent.change(to, { target: { value: 'carol@example.test' } });
    // The press alone: the click after it may land elsewhere once To's address became a chip.
    fireEvent.mouseDown(within(composer).getByTestId('compose-show-cc'));
    await waitFor(() => expect(document.activeElement).toBe(within(within(composer).getByTestId('compose-cc')).getByRole('combobox')));
    expect(within(composer).getByTestId('compose-bcc')).toBeTruthy();
    expect(within(within(composer).getByTestId('compose-to')).getAllByTestId('address-chip').map((chip) => chip.textContent)).toEqual(['carol@example.test×']);
  });
});
