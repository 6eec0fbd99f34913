// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Events, FolderView } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, renderWithClient, type Handlers } from './fake-client';
import { ACCOUNT, FOLDERS, MESSAGE, SUMMARY } from './mail-fixtures';

/** The browser's Notification API, recorded: what is checked is what Wren asks of it. */
class RecordedNotification {
  static permission: NotificationPermission = 'default';
  static readonly shown: { title: string; body?: string }[] = [];
  /** What the system shows: a notification with the tag of an earlier one replaces it. */
  static readonly onScreen = new Map<string, { title: string; body?: string }>();
  static readonly requestPermission = vi.fn(async () => {
    RecordedNotification.permission = 'granted';
    return RecordedNotification.permission;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options: NotificationOptions = {}) {
    RecordedNotification.shown.push({ title, body: options.body });
    RecordedNotification.onScreen.delete(options.tag ?? String(RecordedNotification.shown.length));
    RecordedNotification.onScreen.set(options.tag ?? String(RecordedNotification.shown.length), { title, body: options.body });
  }
}

let folders: FolderView[] = FOLDERS;

function mailHandlers(extra: Handlers = {}): Handlers {
  return {
    'accounts.list': () => [ACCOUNT],
    'folders.list': ({ accountId }) => (accountId === null ? [] : folders),
    'messages.list': () => ({ total: 1, items: [SUMMARY] }),
    'messages.read': () => MESSAGE,
    'sync.start': () => ({ started: [1] }),
    ...extra,
  };
}

const arrival = (subjects: string[]): Events['mail.new'] => ({
  accountId: 1,
  folderId: 10,
  ids: subjects.map((_, i) => 200 + i),
  messages: subjects.map((subject, i) => ({ id: 200 + i, subject, from: { name: `Sender ${i}`, address: `s${i}@example.test` } })),
});

beforeEach(() => {
  folders = FOLDERS;
  RecordedNotification.permission = 'default';
  RecordedNotification.shown.length = 0;
  RecordedNotification.onScreen.clear();
  RecordedNotification.requestPermission.mockClear();
  vi.stubGlobal('Notification', RecordedNotification);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('new mail notifications in a burst', () => {
  it('after a long time away, mail in 20 folders at once leaves one notification on screen counting it all, not 20', async () => {
    RecordedNotification.permission = 'granted';
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('mail-view');
    for (let folder = 0; folder < 20; folder += 1) {
      await client.deliver('mail.new', { ...arrival([`List ${folder} news`, 'older']), folderId: 100 + folder, ids: [1000 + 2 * folder, 1001 + 2 * folder] });
    }
    expect([...RecordedNotification.onScreen.values()]).toEqual([{ title: '40 new messages', body: expect.stringContaining('Sender 0: List 19 news') }]);
  });
});

describe('new mail in the window title', () => {
  it('shows the Inbox unread count, "(2) Wren", and follows it when the folders change', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await waitFor(() => expect(document.title).toBe('(2) Wren'));
    folders = FOLDERS.map((f) => (f.role === 'inbox' ? { ...f, unread: 5 } : f));
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [201] }] });
    await waitFor(() => expect(document.title).toBe('(5) Wren'));
    folders = FOLDERS.map((f) => (f.role === 'inbox' ? { ...f, unread: 0 } : f));
    await client.deliver('store.changed', { changes: [{ entity: 'folders', accountId: 1, ids: [10] }] });
    await waitFor(() => expect(document.title).toBe('Wren'));
  });
});

describe('desktop notifications in the web mode', () => {
  it('never asks for permission by itself; the "Enable notifications" button does', async () => {
    renderWithClient(<App />, new FakeClient(mailHandlers()));
    const enable = await screen.findByTestId('enable-notifications');
    expect(enable.textContent).toBe('Enable notifications');
    expect(RecordedNotification.requestPermission).not.toHaveBeenCalled();
    fireEvent.click(enable);
    await waitFor(() => expect(screen.queryByTestId('enable-notifications')).toBeNull());
    expect(RecordedNotification.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('says the button in Chinese', async () => {
    renderWithClient(<App />, new FakeClient(mailHandlers()), 'zh');
    expect((await screen.findByTestId('enable-notifications')).textContent).toBe('开启通知');
  });

  it('shows nothing before the user allowed it', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('enable-notifications');
    await client.deliver('mail.new', arrival(['Hello']));
    expect(RecordedNotification.shown).toEqual([]);
  });

  it('notifies sender and subject on mail.new once allowed; several messages get a count', async () => {
    RecordedNotification.permission = 'granted';
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client, 'zh');
    await screen.findByTestId('mail-view');
    expect(screen.queryByTestId('enable-notifications')).toBeNull();
    // Minutes apart: each its own notification.
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 60_000));
    await client.deliver('mail.new', arrival(['Lunch?']));
    await client.deliver('mail.new', arrival(['One', '']));
    // After a long time away: the event names the newest few, the count is every message's.
    await client.deliver('mail.new', { ...arrival(['Newest', 'Older']), ids: Array.from({ length: 60 }, (_, i) => 300 - i) });
    expect(RecordedNotification.shown).toEqual([
      { title: 'Sender 0', body: 'Lunch?' },
      { title: '2 封新邮件', body: 'Sender 0: One\nSender 1: （无主题）' },
      { title: '60 封新邮件', body: 'Sender 0: Newest\nSender 1: Older' },
    ]);
  });
});
