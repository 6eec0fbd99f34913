// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntryView, ParamsOf } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { en } from '../../../src-renderer/i18n/en';
import { formatFullDate, formatTime } from '../../../src-renderer/format/format-date';
import { localeFor } from '../../../src-renderer/i18n/language';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

withListLayout();

const HOUR = 60 * 60 * 1000;
const NOW = Date.now();
const entry = (id: number, fields: Partial<OutboxEntryView>): OutboxEntryView => ({
  id, accountId: 1, messageId: `<m${id}@x>`, subject: `Subject ${id}`, to: ['bob@example.test'], state: 'waiting', sendAt: null, attempts: 0,
  nextAttemptAt: null, error: null, refused: [], createdAt: NOW + id, editable: true, ...fields,
});
const SCHEDULED = entry(1, { subject: 'Report 报告', to: ['bob@example.test', 'carol@example.test'], sendAt: NOW + 5 * HOUR });
const QUEUED = entry(2, { state: 'queued', subject: 'Offline note' });
const FAILED = entry(3, {
  state: 'failed', subject: 'To nobody', to: ['nobody@example.test'], attempts: 1,
  error: { code: 'SmtpRejected', message: 'rejected', details: { serverText: '550 5.1.1 <nobody@example.test>: User unknown' } },
});
const NO_ANSWER = entry(5, { state: 'failed', subject: 'No answer', error: { code: 'ConnectionRefused', message: 'connect ECONNREFUSED' } });
const UNKNOWN = entry(4, { state: 'unknown', subject: 'Cut off' });
/** Tried twice against an SMTP server that refuses the connection; the next try is due in ten minutes. */
const UNREACHABLE = entry(7, {
  state: 'queued', subject: 'Server down', attempts: 2, nextAttemptAt: NOW + 10 * 60_000,
  error: { code: 'ConnectionRefused', message: 'connect ECONNREFUSED', details: { host: 'smtp.example.test', port: 587, protocol: 'smtp', response: null } },
});
const TAKEN_BACK = composedMessage({ to: [{ name: '', address: 'nobody@example.test' }], subject: 'To nobody', text: 'Hello' });

/** The window over a core whose outbox holds `entries`, answering every outbox request as the core would (without the network). */
function outboxCore(entries: OutboxEntryView[]) {
  const { client } = mailCore(2);
  client.handlers['outbox.list'] = () => entries;
  client.handlers['outbox.cancel'] = () => ({ message: TAKEN_BACK, scheduledFor: null });
  client.handlers['outbox.retry'] = ({ outboxId }) => ({ ...entries.find((e) => e.id === outboxId)!, state: 'queued' });
  client.handlers['outbox.sendNow'] = ({ outboxId }) => ({ ...entries.find((e) => e.id === outboxId)!, state: 'queued', sendAt: null, nextAttemptAt: null });
  client.handlers['outbox.resolve'] = () => ({ resolved: true });
  client.handlers['identities.list'] = () => [];
  return client;
}

const rowOf = (subject: string) => screen.getAllByTestId('outbox-row').find((row) => row.textContent?.includes(subject))!;

async function openOutbox() {
  const folder = await screen.findByTestId('outbox-folder', {}, SLOW);
  fireEvent.click(within(folder).getByRole('button'));
  return screen.findByTestId('outbox-view');
}

describe('the Outbox view', () => {
  it('is in the folder pane only while the outbox holds something, with how many', async () => {
    const client = outboxCore([]);
    renderWithClient(<App />, client);
    await screen.findByTestId('message-list', {}, SLOW);
    await waitFor(() => expect(client.callsOf('outbox.list')).toHaveLength(1));
    expect(screen.queryByTestId('outbox-folder')).toBeNull();

    await client.deliver('outbox.changed', { entry: SCHEDULED, removed: false });
    expect((await screen.findByTestId('outbox-count')).textContent).toBe('1');
    // A failed message turns the count red: something waits for the user.
    await client.deliver('outbox.changed', { entry: FAILED, removed: false });
    expect(screen.getByTestId('outbox-count').textContent).toBe('2');
    expect(screen.getByTestId('outbox-count').className).toContain('folder-row__unread--alert');
  }, 20_000);

  it('? there lists only the shortcuts that work there (write, undo, the Address Book, this list), not j/k or Delete', async () => {
    renderWithClient(<App />, outboxCore([SCHEDULED]));
    await openOutbox();
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    const rows = within(await screen.findByTestId('shortcut-help')).getAllByRole('row');
    expect(rows.map((row) => row.dataset.testid)).toEqual(['shortcut-row-undo', 'shortcut-row-compose', 'shortcut-row-addressBook', 'shortcut-row-help']);
  }, 20_000);

  it('lists each message with its recipients, subject and state in words', async () => {
    const client = outboxCore([SCHEDULED, QUEUED, FAILED, UNKNOWN, NO_ANSWER]);
    renderWithClient(<App />, client);
    fireEvent.click((await screen.findAllByTestId('message-row', {}, SLOW))[0]!);
    const view = await openOutbox();
    expect(within(view).getAllByTestId('outbox-row')).toHaveLength(5);
    // The message list and reading pane give way to it; of the toolbar only Write works, and the keys
    // that act on messages act on none (the list's selection is out of sight).
    expect(screen.queryByTestId('message-list')).toBeNull();
    expect((screen.getByTestId('action-compose') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('action-reply') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Delete' });
    expect(client.callsOf('messages.apply')).toEqual([]);

    const scheduled = rowOf('Report 报告');
    expect(within(scheduled).getByTestId('outbox-to').textContent).toBe('To: bob@example.test, carol@example.test');
    expect(within(scheduled).getByTestId('outbox-state').textContent).toBe(`Scheduled for ${formatFullDate(SCHEDULED.sendAt, localeFor('en'))}`);
    expect(within(rowOf('Offline note')).getByTestId('outbox-state').textContent).toBe('Waiting to send');
    // Failed: in the server's own words, or without them in ours (said for a server that answered before).
    expect(within(rowOf('To nobody')).getByTestId('outbox-state').textContent).toBe('Failed: 550 5.1.1 <nobody@example.test>: User unknown');
    expect(within(rowOf('No answer')).getByTestId('outbox-state').textContent).toBe(`Failed: ${en.backgroundErrors.ConnectionRefused}`);
    const unknown = rowOf('Cut off');
    expect(within(unknown).getByTestId('outbox-state').textContent).toBe('Not known whether it was sent');
    expect(unknown.textContent).toContain('the recipients may get it twice');

    // Which actions each state offers: a message held back (scheduled, or queued) is edited or sent now; a failed one retried.
    expect(within(scheduled).queryByTestId('outbox-edit')).not.toBeNull();
    expect(within(scheduled).queryByTestId('outbox-send-now')).not.toBeNull();
    expect(within(rowOf('Offline note')).queryByTestId('outbox-send-now')).not.toBeNull();
    expect(within(rowOf('To nobody')).queryByTestId('outbox-send-now')).toBeNull();
    expect(within(unknown).queryByTestId('outbox-edit')).toBeNull();
  }, 20_000);

  it('Edit takes the message out of the outbox and into the composer', async () => {
    const client = outboxCore([FAILED]);
    renderWithClient(<App />, client);
    await openOutbox();
    fireEvent.click(within(rowOf('To nobody')).getByTestId('outbox-edit'));
    await waitFor(() => expect(client.callsOf('outbox.cancel')).toEqual([{ outboxId: 3 }]));
    expect(((await screen.findByTestId('compose-subject')) as HTMLInputElement).value).toBe('To nobody');
    // It was not scheduled: nothing to say about a time.
    expect(screen.queryByTestId('compose-was-scheduled')).toBeNull();
  }, 20_000);

  it('Edit on a scheduled message: the composer says it is no longer scheduled, and Send later offers its time again', async () => {
    const at = new Date(2099, 4, 4, 8, 30).getTime();
    const scheduled = entry(8, { subject: 'To nobody', sendAt: at });
    const client = outboxCore([scheduled]);
    client.handlers['outbox.cancel'] = () => ({ message: TAKEN_BACK, scheduledFor: at });
    client.handlers['outbox.send'] = ({ sendAt }) => ({ ...scheduled, sendAt: sendAt ?? null });
    renderWithClient(<App />, client);
    await openOutbox();
    fireEvent.click(within(rowOf('To nobody')).getByTestId('outbox-edit'));
    const note = await screen.findByTestId('compose-was-scheduled');
    expect(note.textContent).toBe(`This message was scheduled for ${formatFullDate(at, localeFor('en'))}. It is no longer scheduled: it leaves only when you send it or schedule it again.`);

    // Not today's time an hour ahead: scheduling it again after the edit keeps 2099.
    fireEvent.click(screen.getByTestId('compose-send-later'));
    expect((screen.getByTestId('compose-send-at') as HTMLInputElement).value).toBe('2099-05-04T08:30');
    fireEvent.click(screen.getByTestId('compose-schedule'));
    await waitFor(() => expect(client.callsOf('outbox.send')).toHaveLength(1));
    const [sent] = client.callsOf('outbox.send') as ParamsOf<'outbox.send'>[];
    expect(sent!.sendAt).toBe(at);
    // The time is the composer's own: the message handed to the core is the plain composed one.
    expect(sent!.message).not.toHaveProperty('wasScheduledFor');
  }, 20_000);

  it('Undo of a scheduled message\'s deletion reopens it with the same note, in Chinese', async () => {
    const at = new Date(2099, 4, 4, 8, 30).getTime();
    const client = outboxCore([entry(8, { subject: 'To nobody', sendAt: at })]);
    client.handlers['outbox.cancel'] = () => ({ message: TAKEN_BACK, scheduledFor: at });
    renderWithClient(<App />, client, 'zh');
    await openOutbox();
    fireEvent.click(within(rowOf('To nobody')).getByTestId('outbox-delete'));
    fireEvent.click(within(await screen.findByTestId('toast')).getByTestId('toast-undo'));
    expect((await screen.findByTestId('compose-was-scheduled')).textContent)
      .toBe(`这封邮件原定于 ${formatFullDate(at, localeFor('zh'))} 发送。现在已不再定时：只有您发送或重新定时后，它才会发出。`);
  }, 20_000);

  it('offers no Edit for a raw message (wren send --raw): taking it back would leave nothing to reopen, and lose it', async () => {
    const raw = entry(6, { state: 'failed', subject: 'Raw one', editable: false, error: FAILED.error });
    const client = outboxCore([raw]);
    renderWithClient(<App />, client);
    await openOutbox();
    expect(within(rowOf('Raw one')).queryByTestId('outbox-edit')).toBeNull();
    expect(within(rowOf('Raw one')).queryByTestId('outbox-retry')).not.toBeNull();
  }, 20_000);

  it('Delete takes a message out of the outbox at once; Undo in its toast reopens it in the composer', async () => {
    const client = outboxCore([SCHEDULED, FAILED, UNKNOWN]);
    renderWithClient(<App />, client);
    await openOutbox();
    // Offered for what has not begun to leave (held back or failed), not for a message of unknown fate.
    expect(within(rowOf('Report 报告')).queryByTestId('outbox-delete')).not.toBeNull();
    expect(within(rowOf('Cut off')).queryByTestId('outbox-delete')).toBeNull();

    fireEvent.click(within(rowOf('To nobody')).getByTestId('outbox-delete'));
    await waitFor(() => expect(client.callsOf('outbox.cancel')).toEqual([{ outboxId: 3 }]));
    // No dialog for an editable one: the toast's Undo is the way back.
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Deleted from the Outbox: “To nobody”. It will not be sent.');
    expect(screen.queryByTestId('composer')).toBeNull();
    fireEvent.click(within(toast).getByTestId('toast-undo'));
    expect(((await screen.findByTestId('compose-subject')) as HTMLInputElement).value).toBe('To nobody');
    // Undo reopened what the core gave back; it took nothing out of the outbox again.
    expect(client.callsOf('outbox.cancel')).toHaveLength(1);
  }, 20_000);

  it('Delete on a raw message asks first (it cannot be reopened), and Cancel keeps it', async () => {
    const raw = entry(6, { state: 'failed', subject: 'Raw one', editable: false, error: FAILED.error });
    const client = outboxCore([raw]);
    client.handlers['outbox.cancel'] = () => ({ message: null, scheduledFor: null });
    renderWithClient(<App />, client, 'zh');
    await openOutbox();
    fireEvent.click(within(rowOf('Raw one')).getByTestId('outbox-delete'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('删除这封邮件？');
    expect(dialog.textContent).toContain('“Raw one”尚未发出');
    fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    expect(client.callsOf('outbox.cancel')).toEqual([]);

    fireEvent.click(within(rowOf('Raw one')).getByTestId('outbox-delete'));
    fireEvent.click(within(await screen.findByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    await waitFor(() => expect(client.callsOf('outbox.cancel')).toEqual([{ outboxId: 6 }]));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('已从发件箱删除“Raw one”，它不会被发出。');
    // Nothing to reopen: no Undo offered.
    expect(within(toast).queryByTestId('toast-undo')).toBeNull();
  }, 20_000);

  it('Retry, Send now, Send again and Discard each send their request', async () => {
    const client = outboxCore([SCHEDULED, QUEUED, FAILED, UNKNOWN]);
    renderWithClient(<App />, client);
    await openOutbox();
    fireEvent.click(within(rowOf('To nobody')).getByTestId('outbox-retry'));
    await waitFor(() => expect(client.callsOf('outbox.retry')).toEqual([{ outboxId: 3 }]));
    fireEvent.click(within(rowOf('Offline note')).getByTestId('outbox-send-now'));
    fireEvent.click(within(rowOf('Report 报告')).getByTestId('outbox-send-now'));
    await waitFor(() => expect(client.callsOf('outbox.sendNow')).toEqual([{ outboxId: 2 }, { outboxId: 1 }]));
    fireEvent.click(within(rowOf('Cut off')).getByTestId('outbox-send-again'));
    fireEvent.click(within(rowOf('Cut off')).getByTestId('outbox-discard'));
    await waitFor(() =>
      expect(client.callsOf('outbox.resolve')).toEqual([
        { outboxId: 4, action: 'sendAnyway' },
        { outboxId: 4, action: 'discard' },
      ]),
    );
  }, 20_000);

  it('says why an action was refused (the message began to leave meanwhile)', async () => {
    const client = outboxCore([FAILED]);
    client.handlers['outbox.retry'] = () => {
      throw new Error('refused');
    };
    renderWithClient(<App />, client);
    await openOutbox();
    fireEvent.click(within(rowOf('To nobody')).getByTestId('outbox-retry'));
    expect(await screen.findByTestId('toast-error')).not.toBeNull();
  }, 20_000);

  it('follows the outbox live: new entries, changed states, and sent or removed ones gone', async () => {
    const client = outboxCore([SCHEDULED]);
    renderWithClient(<App />, client);
    const view = await openOutbox();
    await client.deliver('outbox.changed', { entry: QUEUED, removed: false });
    expect(within(view).getAllByTestId('outbox-row')).toHaveLength(2);
    await client.deliver('outbox.changed', { entry: { ...QUEUED, state: 'sending' }, removed: false });
    expect(within(rowOf('Offline note')).getByTestId('outbox-state').textContent).toBe('Sending…');
    await client.deliver('outbox.changed', { entry: { ...QUEUED, state: 'sent' }, removed: false });
    await client.deliver('outbox.changed', { entry: SCHEDULED, removed: true });
    expect(within(view).queryAllByTestId('outbox-row')).toHaveLength(0);
    expect(screen.getByTestId('outbox-empty').textContent).toBe('Nothing waits to be sent.');
    // Nothing left: the folder pane's entry stays, with no count, while it is open (the view keeps its place);
    // another folder brings the message list back, and the entry goes.
    expect(screen.getByTestId('outbox-folder').querySelector('[aria-current="true"]')).not.toBeNull();
    expect(screen.queryByTestId('outbox-count')).toBeNull();
    fireEvent.click(within(screen.getByTestId('folder-INBOX')).getByRole('button'));
    await screen.findByTestId('message-list');
    expect(screen.queryByTestId('outbox-folder')).toBeNull();
  }, 20_000);

  it('says why a message did not go and when Wren tries again (not just "Waiting to send"); Send now visibly tries again', async () => {
    const client = outboxCore([QUEUED, UNREACHABLE]);
    renderWithClient(<App />, client);
    // Not red like a failure (Wren keeps trying, nothing waits for the user), but marked, and the title says why.
    const count = await screen.findByTestId('outbox-count', {}, SLOW);
    expect(count.className).toContain('folder-row__unread--notice');
    expect(count.className).not.toContain('folder-row__unread--alert');
    expect(count.title).toBe('2 messages not sent yet; some could not be sent and will be tried again');
    await openOutbox();

    const row = rowOf('Server down');
    expect(within(row).getByTestId('outbox-state').textContent).toBe(`Not sent yet. Wren tries again at ${formatTime(UNREACHABLE.nextAttemptAt!, localeFor('en'))} (2 attempts so far).`);
    expect(within(row).getByTestId('outbox-state').className).toContain('outbox-row__state--alert');
    expect(within(row).getByTestId('outbox-reason').textContent).toBe(`${en.backgroundErrors.ConnectionRefused} Server: smtp.example.test:587`);
    // A message that never tried keeps its plain words, with no reason.
    expect(within(rowOf('Offline note')).getByTestId('outbox-state').textContent).toBe('Waiting to send');
    expect(within(rowOf('Offline note')).queryByTestId('outbox-reason')).toBeNull();

    // Send now: due at once (the core keeps the error), then the try fails again, a new time and one more attempt.
    fireEvent.click(within(row).getByTestId('outbox-send-now'));
    await waitFor(() => expect(client.callsOf('outbox.sendNow')).toEqual([{ outboxId: 7 }]));
    await client.deliver('outbox.changed', { entry: { ...UNREACHABLE, nextAttemptAt: null }, removed: false });
    expect(within(rowOf('Server down')).getByTestId('outbox-state').textContent).toBe('Not sent yet. Wren is trying again now (2 attempts so far).');
    const later = NOW + 20 * 60_000;
    await client.deliver('outbox.changed', { entry: { ...UNREACHABLE, attempts: 3, nextAttemptAt: later }, removed: false });
    expect(within(rowOf('Server down')).getByTestId('outbox-state').textContent).toBe(`Not sent yet. Wren tries again at ${formatTime(later, localeFor('en'))} (3 attempts so far).`);

    // A failed message outranks it: the count turns red.
    await client.deliver('outbox.changed', { entry: FAILED, removed: false });
    expect(screen.getByTestId('outbox-count').className).toContain('folder-row__unread--alert');
  }, 20_000);

  it('speaks Chinese', async () => {
    renderWithClient(<App />, outboxCore([SCHEDULED, FAILED, UNKNOWN, UNREACHABLE]), 'zh');
    const view = await openOutbox();
    expect(within(view).getByRole('heading').textContent).toBe('发件箱');
    expect(within(rowOf('Report 报告')).getByTestId('outbox-state').textContent).toBe(`定于 ${formatFullDate(SCHEDULED.sendAt, localeFor('zh'))} 发送`);
    expect(within(rowOf('To nobody')).getByTestId('outbox-state').textContent).toBe('发送失败：550 5.1.1 <nobody@example.test>: User unknown');
    expect(within(rowOf('Server down')).getByTestId('outbox-state').textContent).toBe(`尚未发出。Wren 将于 ${formatTime(UNREACHABLE.nextAttemptAt!, localeFor('zh'))} 重试（已尝试 2 次）。`);
    // Chinese sentences follow one another without a space.
    expect(within(rowOf('Server down')).getByTestId('outbox-reason').textContent).toBe('服务器没有响应。之前可以连接，所以您的设置很可能没有问题。服务器：smtp.example.test:587');
    expect(within(rowOf('Cut off')).getByTestId('outbox-send-again').textContent).toBe('再次发送');
    expect(within(rowOf('Cut off')).getByTestId('outbox-discard').textContent).toBe('已发出，丢弃');
    expect(within(rowOf('Report 报告')).getByTestId('outbox-send-now').textContent).toBe('立即发送');
  }, 20_000);
});
