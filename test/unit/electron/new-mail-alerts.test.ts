import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run here, so its API is replaced by recorders:
// what is checked is what our code asks of Electron.
const electron = vi.hoisted(() => {
  const shown: { title: string; body: string; click: () => void; closed: boolean }[] = [];
  class Notification {
    static isSupported = vi.fn(() => true);
    private click: () => void = () => undefined;
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: string, listener: () => void) {
      if (event === 'click') this.click = listener;
      return this;
    }
    private entry: (typeof shown)[number] | undefined;
    show() {
      this.entry = { ...this.options, click: () => this.click(), closed: false };
      shown.push(this.entry);
    }
    close() {
      if (this.entry) this.entry.closed = true;
    }
  }
  return { app: { setBadgeCount: vi.fn() }, Notification, shown };
});
vi.mock('electron', () => electron);

import { EventBus } from '../../../src-main/app/event-bus';
import { showNewMailAlerts } from '../../../src-main/electron/new-mail-alerts';
import type { Events } from '../../../src-main/ipc/contract';

const arrival = (subjects: string[]): Events['mail.new'] => ({
  accountId: 1,
  folderId: 10,
  ids: subjects.map((_, i) => 200 + i),
  messages: subjects.map((subject, i) => ({ id: 200 + i, subject, from: { name: i ? '' : 'Bob', address: `s${i}@example.test` } })),
});

beforeEach(() => {
  vi.clearAllMocks();
  electron.shown.length = 0;
  vi.useRealTimers();
});

describe('new mail on the desktop (Electron main process)', () => {
  it('shows a system notification with sender and subject; a click brings the window forward', () => {
    const events = new EventBus();
    const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    vi.useFakeTimers();
    showNewMailAlerts(events, () => 0, () => window as never);
    events.emit('mail.new', arrival(['Lunch?']));
    vi.advanceTimersByTime(60_000); // a minute later, not in the same burst
    events.emit('mail.new', arrival(['First', 'Second', 'Third']));
    expect(electron.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Bob', body: 'Lunch?' },
      { title: 'Bob', body: 'First (+2)' },
    ]);
    electron.shown[0]!.click();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('counts every message of a long time away, not only the newest ones the event names', () => {
    const events = new EventBus();
    showNewMailAlerts(events, () => 0, () => null);
    const described = arrival(Array.from({ length: 50 }, (_, i) => `Away ${60 - i}`));
    events.emit('mail.new', { ...described, ids: Array.from({ length: 60 }, (_, i) => 300 - i) });
    expect(electron.shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Bob', body: 'Away 60 (+59)' }]);
  });

  it('after a long time away, mail in 20 folders at once leaves one notification on screen, not 20', () => {
    vi.useFakeTimers();
    const events = new EventBus();
    showNewMailAlerts(events, () => 0, () => null);
    for (let folder = 0; folder < 20; folder += 1) {
      events.emit('mail.new', { ...arrival([`List ${folder} news`, 'older']), folderId: 100 + folder, ids: [1000 + 2 * folder, 1001 + 2 * folder] });
    }
    vi.advanceTimersByTime(5_000);
    const onScreen = electron.shown.filter((notification) => !notification.closed);
    expect(onScreen.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Bob', body: 'List 19 news (+39)' }]);
  });

  it('shows nothing where the system has no notifications', () => {
    electron.Notification.isSupported.mockReturnValueOnce(false);
    const events = new EventBus();
    showNewMailAlerts(events, () => 0, () => null);
    events.emit('mail.new', arrival(['Lunch?']));
    expect(electron.shown).toEqual([]);
  });

  it('stays quiet while the notifications setting is off, and speaks again once it is on (no restart)', () => {
    const events = new EventBus();
    let notify = false;
    showNewMailAlerts(events, () => 0, () => null, { notify: () => notify });
    events.emit('mail.new', arrival(['Quiet']));
    notify = true;
    events.emit('mail.new', arrival(['Loud']));
    expect(electron.shown.map(({ body }) => body)).toEqual(['Loud']);
  });

  it('gives the unread count to the tray with the badge', () => {
    vi.useFakeTimers();
    const events = new EventBus();
    const counts: number[] = [];
    let unread = 2;
    showNewMailAlerts(events, () => unread, () => null, { onUnread: (n) => counts.push(n) });
    unread = 5;
    events.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [1] }] });
    vi.runAllTimers();
    expect(counts).toEqual([2, 5]);
  });

  it('puts the Inbox unread count on the badge at start and after the store changes', () => {
    vi.useFakeTimers();
    const events = new EventBus();
    let unread = 3;
    const stop = showNewMailAlerts(events, () => unread, () => null);
    expect(electron.app.setBadgeCount).toHaveBeenLastCalledWith(3);
    unread = 4;
    events.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [1] }] });
    events.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [2] }] });
    vi.runAllTimers();
    expect(electron.app.setBadgeCount.mock.calls).toEqual([[3], [4]]);
    stop();
    events.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [3] }] });
    vi.runAllTimers();
    expect(electron.app.setBadgeCount).toHaveBeenCalledTimes(2);
  });
});
