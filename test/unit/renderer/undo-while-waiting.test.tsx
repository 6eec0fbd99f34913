// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { useUndoWhileWaiting } from '../../../src-renderer/components/Composer/use-undo-while-waiting';
import { ToastProvider, useToasts } from '../../../src-renderer/components/Toasts/toast-context';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const WAITING: OutboxEntryView = {
  id: 7, accountId: 1, messageId: '<m@x>', subject: 'Later', to: ['bob@example.test'], state: 'waiting', sendAt: null, attempts: 0,
  nextAttemptAt: null, error: null, refused: [], createdAt: 0, editable: true,
};

/** The "Sending… Undo" toast of message 7, as the composer shows it after Send. */
function Sent() {
  const showWhileWaiting = useUndoWhileWaiting();
  const { toasts } = useToasts();
  useEffect(() => {
    showWhileWaiting(7, { tone: 'info', lines: [], undo: () => undefined, lifetimeMs: 30_000 });
  }, [showWhileWaiting]);
  return <p data-testid="shown">{toasts.length}</p>;
}

async function sent() {
  const client = new FakeClient({});
  renderWithClient(<ToastProvider><Sent /></ToastProvider>, client);
  await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('1'));
  return client;
}

describe('the Undo toast of a message still waiting in the outbox', () => {
  it('stays while the message waits, whatever happens to other messages, and goes once it is sent ("Send now" in the Outbox view)', async () => {
    const client = await sent();
    await client.deliver('outbox.changed', { entry: WAITING, removed: false });
    await client.deliver('outbox.changed', { entry: { ...WAITING, id: 8, state: 'sending' }, removed: false });
    expect(screen.getByTestId('shown').textContent).toBe('1');
    await client.deliver('outbox.changed', { entry: { ...WAITING, state: 'sending' }, removed: false });
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('0'));
  });

  it('goes once the message was taken back elsewhere (the Outbox view, another window)', async () => {
    const client = await sent();
    await client.deliver('outbox.changed', { entry: WAITING, removed: true });
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('0'));
  });
});
