// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, renderWithClient, type Handlers } from './fake-client';
import { ClientError } from '../../../src-renderer/client/wren-client';
import { ACCOUNT, FOLDERS, MESSAGE, SUMMARY } from './mail-fixtures';

afterEach(cleanup);

function mailHandlers(extra: Handlers = {}): Handlers {
  return {
    'accounts.list': () => [ACCOUNT],
    'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS),
    'messages.list': () => ({ total: 1, items: [SUMMARY] }),
    'messages.read': () => MESSAGE,
    'messages.source': () => ({ source: 'Subject: Quarterly report\r\n\r\nHello', size: 40 }),
    'sync.start': () => ({ started: [1] }),
    ...extra,
  };
}

describe('App', () => {
  it('opens the first-run setup when there is no account', async () => {
    renderWithClient(<App />, new FakeClient({ 'accounts.list': () => [] }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Wren' })).toBeTruthy();
    // The address and password first; the full form is one click away.
    expect(screen.getByTestId('setup-discover-email')).toBeTruthy();
    fireEvent.click(screen.getByTestId('setup-manual'));
    expect(screen.getByTestId('setup-email')).toBeTruthy();
  });

  it('with no account but mail in Local Folders (a removed POP3 account\'s), opens the mail, not the set-up', async () => {
    const kept = { ...FOLDERS[0]!, id: 50, accountId: null, role: null, path: 'bob@example.test', name: 'bob@example.test', total: 3, unread: 3 };
    renderWithClient(<App />, new FakeClient({ ...mailHandlers(), 'accounts.list': () => [], 'folders.list': ({ accountId }) => (accountId === null ? [kept] : []) }));
    await screen.findByTestId('mail-view');
    expect(screen.queryByTestId('first-run')).toBeNull();
    expect(await screen.findByTestId('folder-bob@example.test')).toBeTruthy();
  });

  it('welcomes in Chinese', async () => {
    renderWithClient(<App />, new FakeClient({ 'accounts.list': () => [] }), 'zh');
    expect(await screen.findByRole('heading', { name: '欢迎使用 Wren' })).toBeTruthy();
  });

  it('shows folders as a tree and opens the inbox, fetching its first page only', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    const inbox = await screen.findByTestId('folder-INBOX');
    expect(inbox.textContent).toContain('Inbox');
    expect(inbox.textContent).toContain('2');
    expect(screen.getByTestId('folder-Projects/Wren').querySelector('.folder-row__button')?.getAttribute('style')).toContain('38px');
    // A folder that holds no mail is no button to open; its twisty folds its subfolders away.
    expect(screen.getByTestId('folder-Projects').querySelector('button.folder-row__button')).toBeNull();
    expect(screen.getByTestId('folder-Projects').querySelector('[data-testid="folder-twisty"]')?.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(inbox.querySelector('[aria-current="true"]')).not.toBeNull());
    await waitFor(() => expect(client.callsOf('messages.list')).toContainEqual({ folderId: 10, offset: 0, limit: 200, sort: { by: 'date', descending: true }, filter: { hideIgnored: true } }));
  });

  it('names the open folder\'s account beside it when there are several (each has an Inbox), not when there is one', async () => {
    const second = { ...ACCOUNT, id: 2, name: 'Home', email: 'home@example.test' };
    renderWithClient(<App />, new FakeClient(mailHandlers({ 'accounts.list': () => [ACCOUNT, second], 'folders.list': ({ accountId }) => (accountId === 1 ? FOLDERS : []) })));
    await waitFor(() => expect(screen.getByTestId('message-list-folder').textContent).toBe(`Inbox · ${ACCOUNT.name}`));
    cleanup();
    renderWithClient(<App />, new FakeClient(mailHandlers()));
    await waitFor(() => expect(screen.getByTestId('message-list-folder').textContent).toBe('Inbox'));
  });

  it('reloads the folder list when the store says the folders changed', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('folder-INBOX');
    const before = client.callsOf('folders.list').length;
    await client.deliver('store.changed', { changes: [{ entity: 'folders', accountId: 1, ids: [10] }] });
    await waitFor(() => expect(client.callsOf('folders.list').length).toBe(before + 1));
  });

  it('reloads the visible page when the open folder’s messages change', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await waitFor(() => expect(client.callsOf('messages.list')).toHaveLength(1));
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 11, ids: [5] }] });
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [100] }] });
    await waitFor(() => expect(client.callsOf('messages.list')).toHaveLength(2));
    expect(client.callsOf('messages.list')[1]).toEqual({ folderId: 10, offset: 0, limit: 200, sort: { by: 'date', descending: true }, filter: { hideIgnored: true } });
  });

  it('shows an account another process added as soon as the core announces it', async () => {
    const second = { ...ACCOUNT, id: 2, name: 'Home', email: 'alice@home.test' };
    let accounts = [ACCOUNT];
    const client = new FakeClient(mailHandlers({
      'accounts.list': () => accounts,
      'folders.list': ({ accountId }) => (accountId === null ? [] : accountId === 1 ? FOLDERS : [{ ...FOLDERS[0]!, id: 20, accountId: 2, path: 'Home-INBOX' }]),
    }));
    renderWithClient(<App />, client);
    await screen.findByTestId('folder-INBOX');
    accounts = [ACCOUNT, second];
    await client.deliver('store.changed', { changes: [{ entity: 'accounts', ids: [2] }] });
    // The tree is there already: wait for the account in it (the accounts are read again after the event).
    await waitFor(() => expect(screen.getByTestId('folder-tree').textContent).toContain('Home'));
    await screen.findByTestId('folder-Home-INBOX');
  });

  it('adds another account from the toolbar', async () => {
    renderWithClient(<App />, new FakeClient(mailHandlers()));
    fireEvent.click(await screen.findByTestId('add-account'));
    const dialog = screen.getByRole('dialog', { name: 'Add a mail account' });
    expect(within(dialog).getByTestId('setup-discover-email')).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('add-account-close'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the add-account dialog takes the focus to its address field, closes on Escape and gives the focus back', async () => {
    renderWithClient(<App />, new FakeClient(mailHandlers()));
    const opener = await screen.findByTestId('add-account');
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Add a mail account' });
    expect(document.activeElement).toBe(within(dialog).getByTestId('setup-discover-email'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('shows an offline banner with the reason and the retry time', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('folder-INBOX');
    await client.deliver('account.status', { accountId: 1, state: 'offline', error: { code: 'Timeout', message: 't' }, retryAt: Date.now() + 60_000 });
    const banner = await screen.findByTestId('account-status-1');
    expect(banner.textContent).toContain('Wren cannot reach the mail server of Work.');
    expect(banner.textContent).toContain('Wren tries again at');
    expect(banner.textContent).toContain('The server did not answer in time.');
  });

  it('for a server that stopped answering, says it cannot be reached, not to check the port', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('folder-INBOX');
    const error = { code: 'ConnectionRefused' as const, message: 'x', details: { host: 'mail.example', port: 993 } };
    await client.deliver('account.status', { accountId: 1, state: 'offline', error, retryAt: Date.now() + 60_000 });
    const banner = await screen.findByTestId('account-status-1');
    expect(banner.textContent).toContain('Wren cannot reach the mail server of Work. Wren tries again at');
    expect(banner.textContent).toContain('It answered before, so your settings are most likely fine.');
    expect(banner.textContent).not.toContain('Check the port');
  });

  it('shows a full disk as a problem on this computer, not as offline', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('folder-INBOX');
    await client.deliver('account.status', { accountId: 1, state: 'error', error: { code: 'DiskFull', message: 'x' }, retryAt: null });
    const banner = await screen.findByTestId('account-status-1');
    expect(banner.textContent).toContain('Work cannot sync: the problem is on this computer');
    expect(banner.textContent).toContain('The disk is full: Wren could not save mail.');
    expect(banner.textContent).not.toMatch(/offline|tries again/i);
  });

  it('shows sync progress and syncs every account on request, not only the open folder’s', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    await screen.findByTestId('folder-INBOX');
    await client.deliver('sync.progress', { accountId: 1, folderPath: 'INBOX', phase: 'headers', done: 40, total: 120 });
    // Named as the sidebar names it (Inbox), not by its path.
    expect(screen.getByTestId('sync-progress').textContent).toContain('Inbox: 40 of 120, message list');
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(client.callsOf('sync.start')).toEqual([{}]));
  });
});

describe('ReadingPane through the app', () => {
  // happy-dom does no layout; give the list a height so the virtualizer has rows to draw.
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  });

  it('reads a message: headers, warnings, plain text, attachments, source', async () => {
    const client = new FakeClient(mailHandlers());
    renderWithClient(<App />, client);
    const row = await screen.findByTestId('message-row');
    expect(row.textContent).toContain('Bob Sender');
    expect(row.textContent).toContain('★');
    expect(row.textContent).toContain('📎');
    expect(row.textContent).toContain('2 KB');
    expect(row.className).toContain('message-row--unread');
    fireEvent.click(row);

    const pane = await screen.findByTestId('reading-pane');
    await within(pane).findByTestId('message-text');
    expect(client.callsOf('messages.read')).toEqual([{ messageId: 100, markSeen: false }]);
    expect(within(pane).getByTestId('message-subject').textContent).toContain('Quarterly report');
    expect(pane.textContent).toContain('Bob Sender <bob@example.test>');
    expect(within(pane).getByTestId('message-warnings').textContent).toContain('Broken encoded word');
    expect(within(pane).getByTestId('message-text').tagName).toBe('PRE');
    expect(within(pane).getByTestId('attachments').textContent).toContain('report.pdf');
    expect(within(pane).getByTestId('attachments').textContent).toContain('3.0 MB');

    fireEvent.click(within(pane).getByTestId('save-attachment-2'));
    await waitFor(() => expect(client.callsOf('attachments.save')).toEqual([{ messageId: 100, partId: '2' }]));
    // A double-click on the name opens it as the Open button does; a refusal is worded, and Save still offered.
    client.handlers['attachments.open'] = () => {
      throw new ClientError({ code: 'AttachmentMayRun', message: 'report.pdf could run a program', details: { filename: 'report.pdf' } });
    };
    fireEvent.doubleClick(within(pane).getByText(/report\.pdf/));
    expect((await within(pane).findByRole('alert')).textContent).toContain('runs as a program');
    expect(client.callsOf('attachments.open')).toEqual([{ messageId: 100, partId: '2' }]);
    client.handlers['attachments.open'] = async () => ({ openedAt: '/tmp/report.pdf' });
    fireEvent.click(within(pane).getByTestId('open-attachment-2'));
    await waitFor(() => expect(within(pane).queryByRole('alert')).toBeNull());

    fireEvent.click(within(pane).getByTestId('toggle-source'));
    expect((await within(pane).findByTestId('message-source')).textContent).toContain('Subject: Quarterly report');
  });
});
