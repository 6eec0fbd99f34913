// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type ComposedMessageOutput, type ParamsOf } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** A new message as compose.start gives it: the account's default identity and its signature. */
const NEW_MESSAGE = composedMessage({ text: '\n-- \nAlice' });

/** The mail app over a fake core that composes, saves drafts and queues sends, with this undo delay set. */
function composingCore(undoSendSeconds = DEFAULT_APP_SETTINGS.undoSendSeconds, started: ComposedMessageOutput = NEW_MESSAGE) {
  const core = mailCore(1);
  const sends: ParamsOf<'outbox.send'>[] = [];
  Object.assign(core.client.handlers, {
    'settings.get': () => ({ settings: { app: { ...DEFAULT_APP_SETTINGS, undoSendSeconds }, accounts: {} }, problems: [], path: '/s.json' }),
    'compose.start': () => started,
    'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: 'Alice', isDefault: true }],
    'drafts.save': () => ({ draftMessageId: 900, stored: 'server' as const }),
    'drafts.discard': () => ({ discarded: true as const, undoOperationId: null }),
    'outbox.send': (params: ParamsOf<'outbox.send'>) => {
      sends.push(params);
      return { id: 7, accountId: 1, messageId: '<m@x>', subject: params.message.subject ?? '', to: [], state: 'waiting' as const, sendAt: null, attempts: 0, nextAttemptAt: null, error: null, refused: [], createdAt: 0 };
    },
  });
  return { ...core, sends };
}

/** With undoSendSeconds set, writes a message to Bob (c, then Send) and waits for it to reach outbox.send; gives the sends. */
async function sendNewMessage(undoSendSeconds: number, subject: string): Promise<ParamsOf<'outbox.send'>[]> {
  const { client, sends } = composingCore(undoSendSeconds, { ...NEW_MESSAGE, to: [{ name: '', address: 'bob@example.test' }], subject });
  renderWithClient(<App />, client);
  await screen.findByTestId('message-list', {}, { timeout: 10_000 });
  await waitFor(() => expect(client.callsOf('settings.get').length).toBeGreaterThan(0));
  fireEvent.keyDown(document.body, { key: 'c' });
  fireEvent.click(await screen.findByTestId('compose-send', {}, { timeout: 10_000 }));
  await waitFor(() => expect(sends).toHaveLength(1));
  return sends;
}

describe('the composer: mailto: links and the undo-send setting', () => {
  it('opens a new message filled with to, cc, subject and body from the link, never an attachment', async () => {
    const { client } = composingCore();
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    await client.deliver('compose.mailto', { to: ['bob@example.test'], cc: ['carol@example.test'], subject: 'Hello 你好', body: 'Line one\nLine two' });
    const composer = await screen.findByTestId('composer', {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.getAllByTestId('address-chip').map((chip) => chip.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('bob@example.test'), expect.stringContaining('carol@example.test')]),
    ));
    expect((screen.getByTestId('compose-subject') as HTMLInputElement).value).toBe('Hello 你好');
    expect((screen.getByTestId('compose-body') as HTMLTextAreaElement).value).toBe('Line one\nLine two\n\n-- \nAlice');
    expect(composer.querySelectorAll('[data-testid="compose-attachment"]')).toHaveLength(0);
  });

  it('sends with the undo delay of the app setting undoSendSeconds, not a constant', async () => {
    const sends = await sendNewMessage(3, 'Quick');
    expect(sends[0]).toMatchObject({ undoSeconds: 3, message: { subject: 'Quick', to: [{ address: 'bob@example.test' }] } });
    expect(await screen.findByTestId('toast-undo')).toBeTruthy();
  });

  it('offers no Undo when the setting sends at once', async () => {
    const sends = await sendNewMessage(0, 'Now');
    expect(sends[0]!.undoSeconds).toBe(0);
    expect(screen.queryByTestId('toast-undo')).toBeNull();
  });
});
