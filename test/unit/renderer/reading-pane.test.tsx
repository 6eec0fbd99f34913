// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APP_SETTINGS, type AppSettings, type MessageSummary, type MessageView } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, failure, renderWithClient, type Handlers } from './fake-client';
import { ACCOUNT, FOLDERS, MESSAGE, SUMMARY } from './mail-fixtures';
import { settingsCore } from './settings-core';

const ROWS: MessageSummary[] = [
  { ...SUMMARY, id: 100, subject: 'First', seen: false },
  { ...SUMMARY, id: 101, subject: 'Second', seen: false },
  { ...SUMMARY, id: 102, subject: 'Third', seen: false },
];

/** A core with three unread messages whose flags live in `rows`, as the store would keep them, and settings.json's `app`. */
function coreHandlers(extra: Handlers = {}, app: Partial<AppSettings> = {}): Handlers & { rows: Map<number, MessageSummary> } {
  const rows = new Map(ROWS.map((row) => [row.id, { ...row }]));
  return {
    ...settingsCore(app).handlers,
    rows,
    'accounts.list': () => [ACCOUNT],
    'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS),
    'messages.list': () => ({ total: rows.size, items: [...rows.values()] }),
    'messages.read': ({ messageId }): MessageView => ({ ...MESSAGE, ...rows.get(messageId)!, warnings: [] }),
    'messages.summary': ({ messageId }) => rows.get(messageId)!,
    'messages.setFlags': ({ messageId, seen, flagged }) => {
      const row = rows.get(messageId)!;
      rows.set(messageId, { ...row, seen: seen ?? row.seen, flagged: flagged ?? row.flagged });
      return { updated: true };
    },
    ...extra,
  };
}

/** The first render also pays for loading the modules: wait for the rows generously on a busy machine. */
function listRows() {
  return screen.findAllByTestId('message-row', {}, { timeout: 10_000 });
}

function seenCalls(client: FakeClient) {
  return client.callsOf('messages.setFlags').filter((call) => (call as { seen?: boolean }).seen !== undefined);
}

beforeEach(() => {
  // happy-dom does no layout; give the list a height so the virtualizer has rows to draw.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

describe('an unopened message whose body cannot be fetched offline', () => {
  function offlineUntilBack() {
    const state = { online: false };
    const handlers = coreHandlers();
    const readOnline = handlers['messages.read']!;
    handlers['messages.read'] = (params) => (state.online ? readOnline(params) : failure({ code: 'Offline', message: 'not downloaded yet' }));
    return { state, handlers };
  }

  it('shows the headers from the list, says the body comes when the account is back, and retries', async () => {
    const { state, handlers } = offlineUntilBack();
    const client = new FakeClient(handlers);
    renderWithClient(<App />, client);
    fireEvent.click((await listRows())[0]!);

    const unavailable = await screen.findByTestId('body-unavailable');
    const pane = screen.getByTestId('reading-pane');
    expect(within(pane).getByTestId('message-subject').textContent).toContain('First');
    expect(pane.textContent).toContain('Bob Sender <bob@example.test>');
    expect(pane.textContent).toContain('2026');
    expect(unavailable.textContent).toContain('It will appear when the account is back online.');
    expect(unavailable.textContent).not.toContain('You appear to be offline');

    fireEvent.click(within(unavailable).getByTestId('retry-body'));
    await waitFor(() => expect(client.callsOf('messages.read')).toHaveLength(2));
    await screen.findByTestId('body-unavailable');

    state.online = true;
    fireEvent.click(screen.getByTestId('retry-body'));
    expect((await screen.findByTestId('message-text')).textContent).toContain('the report is attached');
    expect(seenCalls(client)).toEqual([]); // not read while its text could not be shown
  });

  it('loads the body by itself when the account returns online', async () => {
    const { state, handlers } = offlineUntilBack();
    const client = new FakeClient(handlers);
    renderWithClient(<App />, client);
    fireEvent.click((await listRows())[0]!);
    await screen.findByTestId('body-unavailable');

    state.online = true;
    await client.deliver('account.status', { accountId: 1, state: 'syncing', error: null, retryAt: null });
    expect(client.callsOf('messages.read')).toHaveLength(1);
    await client.deliver('account.status', { accountId: 1, state: 'idle', error: null, retryAt: null });
    expect((await screen.findByTestId('message-text')).textContent).toContain('the report is attached');
  });

  it('a message on its way between folders (an Undo moved it back) says so, and opens once its row changes (the server took it)', async () => {
    const state = { moved: false };
    const handlers = coreHandlers();
    const readHere = handlers['messages.read']!;
    handlers['messages.read'] = (params) => (state.moved ? readHere(params) : failure({ code: 'MessageInTransit', message: 'no UID yet' }));
    const client = new FakeClient(handlers);
    renderWithClient(<App />, client);
    fireEvent.click((await listRows())[0]!);
    expect((await screen.findByTestId('body-unavailable')).textContent).toContain('This message is on its way to this folder on the server.');
    state.moved = true;
    // Another message's change is not this one's.
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [101] }] });
    expect(client.callsOf('messages.read')).toHaveLength(1);
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [100] }] });
    expect((await screen.findByTestId('message-text')).textContent).toContain('the report is attached');
  });

  it('working offline, says how to go online and offers no Try again, which could only fail the same way', async () => {
    const handlers = coreHandlers();
    handlers['messages.read'] = () => failure({ code: 'WorkingOffline', message: 'working offline' });
    renderWithClient(<App />, new FakeClient(handlers), 'zh');
    fireEvent.click((await listRows())[0]!);
    expect((await screen.findByTestId('body-unavailable')).textContent).toContain('请点击“正在脱机工作”提示中的“联机工作”');
    expect(screen.queryByTestId('retry-body')).toBeNull();
  });

  it('says so in Chinese', async () => {
    renderWithClient(<App />, new FakeClient(offlineUntilBack().handlers), 'zh');
    fireEvent.click((await listRows())[0]!);
    expect((await screen.findByTestId('body-unavailable')).textContent).toContain('账户恢复在线后，正文会自动显示');
    expect(screen.getByTestId('retry-body').textContent).toBe('重试');
  });
});

describe('marking read and unread', () => {
  it('a message read and then marked unread (elsewhere, or from the toolbar) stays unread while it is open', async () => {
    const handlers = coreHandlers();
    handlers.rows.set(100, { ...handlers.rows.get(100)!, seen: true });
    const client = new FakeClient(handlers);
    renderWithClient(<App />, client);
    fireEvent.click((await listRows())[0]!);
    await screen.findByTestId('message-text');
    // The reading pane has no read / flag buttons of its own: the message toolbar has them.
    expect(within(screen.getByTestId('reading-pane')).queryByTestId('toggle-seen')).toBeNull();

    handlers.rows.set(100, { ...handlers.rows.get(100)!, seen: false });
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [100] }] });
    await waitFor(() => expect(client.callsOf('messages.summary').length).toBeGreaterThan(0));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(seenCalls(client)).toEqual([]);
  });

  it('marks only the message still open when the delay ends, not every one the arrow keys passed', async () => {
    const client = new FakeClient(coreHandlers());
    renderWithClient(<App />, client);
    await listRows();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const list = screen.getByTestId('message-list');
    // Under act, what a resolved request renders (and the effects it starts) lands when the step ends.
    const step = async (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

    for (let i = 0; i < 3; i++) {
      fireEvent.keyDown(list, { key: 'ArrowDown' });
      await step(0); // the body is shown
      await step(1500); // and the next key comes before 2 s are up
      expect(screen.getByTestId('message-subject').textContent).toContain(ROWS[i]!.subject);
    }
    expect(client.callsOf('messages.read')).toEqual(ROWS.map((row) => ({ messageId: row.id, markSeen: false })));
    expect(seenCalls(client)).toEqual([]);

    await step(400);
    expect(seenCalls(client)).toEqual([]);
    await step(200);
    expect(seenCalls(client)).toEqual([{ messageId: 102, seen: true }]);
  });

  it('marks read at once when set to "when opened", and never once the Settings screen says "never"', async () => {
    const client = new FakeClient(coreHandlers({}, { markRead: { mode: 'opened', delaySeconds: 2 } }));
    renderWithClient(<App />, client);
    fireEvent.click((await listRows())[0]!);
    await waitFor(() => expect(seenCalls(client)).toEqual([{ messageId: 100, seen: true }]));

    fireEvent.click(screen.getByTestId('open-settings'));
    fireEvent.change(await screen.findByTestId('mark-read-mode'), { target: { value: 'never' } });
    await waitFor(() => expect(client.callsOf('settings.update')).toEqual([{ app: { markRead: { mode: 'never', delaySeconds: 2 } } }]));
    fireEvent.keyDown(screen.getByTestId('settings'), { key: 'Escape' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(screen.getAllByTestId('message-row')[1]!);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByTestId('message-subject').textContent).toContain('Second');
    expect(seenCalls(client)).toHaveLength(1);
  });

  it('waits the number of seconds settings.json says, changed live by another writer (the CLI)', async () => {
    const client = new FakeClient(coreHandlers());
    renderWithClient(<App />, client, 'zh');
    await listRows();
    const previous = { app: DEFAULT_APP_SETTINGS, accounts: {} };
    await client.deliver('settings.changed', { settings: { ...previous, app: { ...DEFAULT_APP_SETTINGS, markRead: { mode: 'delay', delaySeconds: 5 } } }, previous });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(screen.getAllByTestId('message-row')[0]!);
    await act(() => vi.advanceTimersByTimeAsync(0)); // the body is shown
    await act(() => vi.advanceTimersByTimeAsync(4500));
    expect(seenCalls(client)).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(seenCalls(client)).toEqual([{ messageId: 100, seen: true }]);
  });
});
