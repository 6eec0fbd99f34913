// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { withListLayout } from './layout';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const REFUSED: OutboxEntryView = {
  id: 7, accountId: 1, messageId: '<m@x>', subject: 'Budget 预算', to: ['nobody@example.test'], state: 'failed', sendAt: null, attempts: 1,
  nextAttemptAt: null, error: { code: 'SmtpRejected', message: 'rejected', details: { serverText: '550 5.1.1 No such user' } }, refused: [], createdAt: 0, editable: true,
};
const TAKEN_BACK = composedMessage({ to: [{ name: '', address: 'nobody@example.test' }], subject: 'Budget 预算', text: 'Figures' });

withListLayout();

describe('a message the outbox could not send', () => {
  it('is said in a toast with the server’s words, whose Undo brings it back into the composer', async () => {
    const { client } = mailCore(4);
    client.handlers['outbox.cancel'] = () => ({ message: TAKEN_BACK, scheduledFor: null });
    client.handlers['identities.list'] = () => [];
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    await client.deliver('outbox.changed', { entry: REFUSED, removed: false });
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('“Budget 预算” could not be sent.');
    expect(toast.textContent).toContain('550 5.1.1 No such user');
    // A newer action's toast with its own Undo shows beside it; each Undo button undoes its own toast.
    fireEvent.click((await screen.findAllByTestId('message-row', {}, { timeout: 10_000 }))[0]!);
    fireEvent.keyDown(document.body, { key: '#' });
    await within(await screen.findByTestId('toast')).findByTestId('toast-undo');
    fireEvent.click(within(toast).getByTestId('toast-undo'));
    await waitFor(() => expect(client.callsOf('outbox.cancel')).toEqual([{ outboxId: 7 }]));
    expect(((await screen.findByTestId('compose-subject')) as HTMLInputElement).value).toBe('Budget 预算');
  }, 20_000);

  it('offers no Undo for a raw message (wren send --raw), which would be lost with nothing to reopen', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    await client.deliver('outbox.changed', { entry: { ...REFUSED, editable: false }, removed: false });
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('550 5.1.1 No such user');
    expect(within(toast).queryByTestId('toast-undo')).toBeNull();
  });

  it('says nothing for a message that is only waiting or queued while the server cannot be reached, and speaks Chinese', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client, 'zh');
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    // Not sent because the network is down: what the outbox is for, and the connection banner says it.
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'queued', error: { code: 'ConnectionRefused', message: 'refused' } }, removed: false });
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'queued', error: null }, removed: false });
    await client.deliver('outbox.changed', { entry: REFUSED, removed: true });
    expect(screen.queryByTestId('toast-error')).toBeNull();
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'unknown', error: null }, removed: false });
    expect((await screen.findByTestId('toast-error')).textContent).toContain('无法确定“Budget 预算”是否已发出');
  });

  it('says once, after the first try, that the server turned it down for now and when Wren tries again', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    const busy = { code: 'SmtpDeferred' as const, message: 'busy', details: { serverText: '451 4.3.0 Mailbox busy, try later' } };
    const retryAt = Date.UTC(2026, 11, 7, 15, 30);
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'queued', error: busy, nextAttemptAt: retryAt }, removed: false });
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('“Budget 预算” was not sent yet (next try at');
    expect(toast.textContent).toContain('451 4.3.0 Mailbox busy, try later');
    // Nothing to take back: it is still on its way.
    expect(within(toast).queryByTestId('toast-undo')).toBeNull();
    fireEvent.click(within(toast).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('toast-error')).toBeNull());
    // The second try's failure is in the Outbox's row, not another toast.
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'queued', error: busy, attempts: 2, nextAttemptAt: retryAt }, removed: false });
    expect(screen.queryByTestId('toast-error')).toBeNull();
  });
});
