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
    // Its button reopens the message to correct it: "Edit", not "Undo" (QA), and the toast's words say so.
    expect(within(toast).getByTestId('toast-undo').textContent).toBe('Edit');
    expect(toast.textContent).toContain('Edit takes it out of the outbox');
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

  it('is said once: a new failure of the same message takes the old toast’s place, and the toast goes once it is retried, taken back or sent', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    const other = { ...REFUSED, id: 8, subject: 'Other' };
    await client.deliver('outbox.changed', { entry: REFUSED, removed: false });
    await client.deliver('outbox.changed', { entry: other, removed: false });
    // Outbox ▸ Retry: on its way again (its toast goes), then refused again (one toast again, not two).
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'sending', error: null }, removed: false });
    await waitFor(() => expect(screen.getAllByTestId('toast-error').map((toast) => toast.textContent)).toEqual([expect.stringContaining('“Other”')]));
    await client.deliver('outbox.changed', { entry: REFUSED, removed: false });
    await client.deliver('outbox.changed', { entry: { ...REFUSED, attempts: 2 }, removed: false });
    await waitFor(() => expect(screen.getAllByTestId('toast-error')).toHaveLength(2));
    expect(screen.getAllByTestId('toast-error').filter((toast) => toast.textContent?.includes('“Budget 预算”'))).toHaveLength(1);
    // Outbox ▸ Edit or Delete takes it out of the outbox: no Undo is left that reaches for it.
    await client.deliver('outbox.changed', { entry: REFUSED, removed: true });
    await waitFor(() => expect(screen.getAllByTestId('toast-error').map((toast) => toast.textContent)).toEqual([expect.stringContaining('“Other”')]));
    // Sent at last (after a Retry): its failure is no longer so.
    await client.deliver('outbox.changed', { entry: { ...other, state: 'sent', error: null }, removed: false });
    await waitFor(() => expect(screen.queryByTestId('toast-error')).toBeNull());
  });
});

describe('a message sent to some recipients while the server refused others', () => {
  const PARTLY: OutboxEntryView = {
    ...REFUSED, state: 'sent', error: null, to: ['bob@example.test', 'nobody@example.test', 'ghost@example.test'],
    refused: [
      { address: 'nobody@example.test', reply: '550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown' },
      { address: 'ghost@example.test', reply: '' },
    ],
  };

  it('names each refused recipient with the server’s words, once, however often the sent message is announced', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    await client.deliver('outbox.changed', { entry: { ...REFUSED, state: 'queued', attempts: 1, error: { code: 'SmtpDeferred', message: 'busy' } }, removed: false });
    await client.deliver('outbox.changed', { entry: PARTLY, removed: false });
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('“Budget 预算” was sent, but not to these recipients: the server refused them.');
    expect(toast.textContent).toContain('nobody@example.test — 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown');
    expect(toast.textContent).toContain('ghost@example.test (the server gave no reason)');
    // Sent: nothing to take back.
    expect(within(toast).queryByTestId('toast-undo')).toBeNull();
    // Its Sent copy filed, then the row leaves the outbox: still the one toast (the retry notice it replaced is gone).
    await client.deliver('outbox.changed', { entry: PARTLY, removed: false });
    await client.deliver('outbox.changed', { entry: PARTLY, removed: true });
    expect(screen.getAllByTestId('toast-error')).toEqual([toast]);
    fireEvent.click(within(toast).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('toast-error')).toBeNull());
    await client.deliver('outbox.changed', { entry: PARTLY, removed: true });
    expect(screen.queryByTestId('toast-error')).toBeNull();
  });

  it('says it in Chinese, and says nothing when every recipient took it', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client, 'zh');
    await screen.findByTestId('message-list', {}, { timeout: 10_000 });
    await client.deliver('outbox.changed', { entry: { ...PARTLY, id: 9, refused: [] }, removed: false });
    expect(screen.queryByTestId('toast-error')).toBeNull();
    await client.deliver('outbox.changed', { entry: { ...PARTLY, refused: PARTLY.refused.slice(0, 1) }, removed: false });
    const toast = await screen.findByTestId('toast-error');
    expect(toast.textContent).toContain('“Budget 预算”已发出，但服务器拒收了以下收件人，他们不会收到：');
    expect(toast.textContent).toContain('nobody@example.test —— 550 5.1.1');
  });
});
