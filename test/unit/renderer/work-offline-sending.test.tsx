// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, SettingsPatch, type OutboxEntryView, type ParamsOf, type Settings, type SettingsPatchInput } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

withListLayout();

const WAITING: OutboxEntryView = {
  id: 7, accountId: 1, messageId: '<m7@x>', subject: 'Report 报告', to: ['bob@example.test'], state: 'waiting', sendAt: Date.now() + 3_600_000,
  attempts: 0, nextAttemptAt: null, error: null, refused: [], createdAt: Date.now(), editable: true,
};

/** The window over a core working offline (Work offline pressed), with one message waiting in the outbox. */
function offlineCore(undoSendSeconds: number) {
  const { client } = mailCore(1);
  let settings: Settings = { app: { ...DEFAULT_APP_SETTINGS, workOffline: true, undoSendSeconds }, accounts: {} };
  Object.assign(client.handlers, {
    'settings.get': () => ({ settings, problems: [], path: '/s.json' }),
    'settings.update': (patch: SettingsPatchInput) => {
      settings = { ...settings, app: { ...settings.app, ...SettingsPatch.parse(patch).app } };
      return { settings, problems: [], path: '/s.json' };
    },
    'compose.start': () => composedMessage({ to: [{ name: '', address: 'bob@example.test' }], subject: 'Offline note', text: 'Hi' }),
    'identities.list': () => [{ id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true }],
    'drafts.save': () => ({ draftMessageId: 900, stored: 'queued' as const }),
    'outbox.send': (params: ParamsOf<'outbox.send'>) => ({ ...WAITING, id: 8, subject: params.message.subject ?? '', sendAt: null }),
    'outbox.list': () => [WAITING],
    'outbox.sendNow': () => ({ ...WAITING, state: 'queued' as const, sendAt: null }),
  });
  return { client, settings: () => settings };
}

async function openWindow(client: ReturnType<typeof offlineCore>['client']) {
  renderWithClient(<App />, client);
  await screen.findByTestId('message-list', {}, SLOW);
  await screen.findByTestId('work-offline-banner', {}, SLOW);
}

describe('sending while working offline', () => {
  it('Send says the message waits in the Outbox until Wren is online, not "Sending…"', async () => {
    const { client } = offlineCore(0);
    await openWindow(client);
    fireEvent.keyDown(document.body, { key: 'c' });
    fireEvent.click(await screen.findByTestId('compose-send', {}, SLOW));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Working offline: the message waits in the Outbox and is sent when you go online.');
    expect(toast.textContent).not.toContain('Sending');
  }, 20_000);

  it('the Outbox\'s Send now says nothing leaves offline, and "Go online and send" goes online and sends that message', async () => {
    const { client, settings } = offlineCore(5);
    await openWindow(client);
    fireEvent.click(within(await screen.findByTestId('outbox-folder', {}, SLOW)).getByRole('button'));
    fireEvent.click(within(await screen.findByTestId('outbox-row')).getByTestId('outbox-send-now'));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Working offline: “Report 报告” waits in the Outbox until you go online.');
    expect(client.callsOf('outbox.sendNow')).toEqual([]);
    fireEvent.click(within(toast).getByRole('button', { name: 'Go online and send' }));
    await waitFor(() => expect(client.callsOf('outbox.sendNow')).toEqual([{ outboxId: 7 }]));
    expect(settings().app.workOffline).toBe(false);
  }, 20_000);
});
