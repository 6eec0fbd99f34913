// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type ParamsOf } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import type { Language } from '../../../src-renderer/i18n/language';
import { renderWithClient } from './fake-client';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** A new message to Bob with no subject, in the composer of the mail app over a fake core that queues sends (at once: no undo delay). */
async function openSubjectless(language: Language = 'en') {
  const core = mailCore(1);
  const sends: ParamsOf<'outbox.send'>[] = [];
  Object.assign(core.client.handlers, {
    'settings.get': () => ({ settings: { app: { ...DEFAULT_APP_SETTINGS, undoSendSeconds: 0 }, accounts: {} }, problems: [], path: '/s.json' }),
    'compose.start': () => composedMessage({ to: [{ name: 'Bob', address: 'bob@example.test' }] }),
    'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true }],
    'drafts.save': () => ({ draftMessageId: 900, stored: 'server' as const }),
    'outbox.send': (params: ParamsOf<'outbox.send'>) => {
      sends.push(params);
      return { id: 7, accountId: 1, messageId: '<m@x>', subject: params.message.subject ?? '', to: [], state: 'waiting' as const, sendAt: params.sendAt, attempts: 0, nextAttemptAt: null, error: null, refused: [], createdAt: 0 };
    },
  });
  renderWithClient(<App />, core.client, language);
  await screen.findByTestId('message-list', {}, { timeout: 10_000 });
  await waitFor(() => expect(core.client.callsOf('settings.get').length).toBeGreaterThan(0));
  fireEvent.keyDown(document.body, { key: 'c' });
  const composer = await screen.findByTestId('composer', {}, { timeout: 10_000 });
  return { composer, sends, client: core.client };
}

/** Lets any send under way reach the core: nothing must have by then when the composer asks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('Send without a subject? (Thunderbird\'s Subject Reminder)', () => {
  it('Send asks; "Write a subject" goes back to the subject, and what is sent then has it', async () => {
    const { composer, sends } = await openSubjectless();
    fireEvent.click(within(composer).getByTestId('compose-send'));
    const reminder = await within(composer).findByTestId('compose-subject-reminder');
    expect(reminder.textContent).toBe('Send without a subject? The message has no subject; a subject tells its recipients what it is about.Write a subjectSend without subject');
    expect(document.activeElement).toBe(within(composer).getByTestId('compose-subject-reminder-write'));
    fireEvent.click(within(composer).getByTestId('compose-subject-reminder-write'));
    expect(within(composer).queryByTestId('compose-subject-reminder')).toBeNull();
    const subject = within(composer).getByTestId('compose-subject');
    expect(document.activeElement).toBe(subject);
    await settle();
    expect(sends).toEqual([]);
    fireEvent.change(subject, { target: { value: 'Lunch' } });
    fireEvent.click(within(composer).getByTestId('compose-send'));
    await waitFor(() => expect(sends).toHaveLength(1));
    expect(sends[0]!.message.subject).toBe('Lunch');
  });

  it('Ctrl+Enter asks too; "Send without subject" sends it as it is', async () => {
    const { composer, sends } = await openSubjectless();
    fireEvent.keyDown(within(composer).getByTestId('compose-body'), { key: 'Enter', ctrlKey: true });
    await within(composer).findByTestId('compose-subject-reminder');
    await settle();
    expect(sends).toEqual([]);
    fireEvent.click(within(composer).getByTestId('compose-subject-reminder-send'));
    await waitFor(() => expect(sends).toHaveLength(1));
    expect(sends[0]).toMatchObject({ sendAt: null, message: { subject: '' } });
  });

  it('Send later asks before scheduling, and schedules at the time chosen when told to send anyway', async () => {
    const { composer, sends } = await openSubjectless();
    fireEvent.click(within(composer).getByTestId('compose-send-later'));
    fireEvent.change(within(composer).getByTestId('compose-send-at'), { target: { value: '2099-05-04T08:30' } });
    fireEvent.click(within(composer).getByTestId('compose-schedule'));
    await within(composer).findByTestId('compose-subject-reminder');
    await settle();
    expect(sends).toEqual([]);
    fireEvent.click(within(composer).getByTestId('compose-subject-reminder-send'));
    await waitFor(() => expect(sends).toHaveLength(1));
    expect(sends[0]!.sendAt).toBe(new Date(2099, 4, 4, 8, 30).getTime());
  });

  it('answered, it goes on to the attachment reminder, whose "Send anyway" then sends without asking again', async () => {
    const { composer, sends } = await openSubjectless();
    fireEvent.change(within(composer).getByTestId('compose-body'), { target: { value: 'The plan is attached.' } });
    fireEvent.click(within(composer).getByTestId('compose-send'));
    fireEvent.click(await within(composer).findByTestId('compose-subject-reminder-send'));
    await within(composer).findByTestId('compose-attachment-reminder');
    expect(within(composer).queryByTestId('compose-subject-reminder')).toBeNull();
    await settle();
    expect(sends).toEqual([]);
    fireEvent.click(within(composer).getByTestId('compose-reminder-send'));
    await waitFor(() => expect(sends).toHaveLength(1));
    expect(sends[0]!.message).toMatchObject({ subject: '', text: 'The plan is attached.' });
  });

  it('asks in Chinese too', async () => {
    const { composer } = await openSubjectless('zh');
    fireEvent.click(within(composer).getByTestId('compose-send'));
    const reminder = await within(composer).findByTestId('compose-subject-reminder');
    expect(reminder.textContent).toBe('不填写主题就发送吗？ 这封邮件没有主题；主题能让收件人一眼看出邮件的内容。填写主题不加主题发送');
  });
});
