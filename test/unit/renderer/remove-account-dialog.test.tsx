// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView, FolderView, OutboxEntryView } from '../../../src-main/ipc/contract';
import { RemoveAccountDialog } from '../../../src-renderer/components/AccountDialogs/remove-account-dialog';
import { ToastList } from '../../../src-renderer/components/Toasts';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';
import { FakeClient, renderWithClient } from './fake-client';
import { ACCOUNT, FOLDERS } from './mail-fixtures';

afterEach(cleanup);

const POP3: AccountView = { ...ACCOUNT, protocol: 'pop3', email: 'bob@example.test', name: 'Bob' };
const folders: FolderView[] = FOLDERS.map((folder, index) => ({ ...folder, total: index === 0 ? 4 : 0 }));

function showDialog(account: AccountView, unsent: Partial<OutboxEntryView>[], kept: { folder: string; messages: number; unsent: number } | null) {
  const client = new FakeClient({
    'outbox.list': () => unsent as OutboxEntryView[],
    'accounts.remove': () => ({ removed: true as const, kept }),
  });
  renderWithClient(
    <ToastProvider>
      <RemoveAccountDialog account={account} folders={folders} onClose={() => undefined} />
      <ToastList />
    </ToastProvider>,
    client,
  );
  return client;
}

const dialogText = () => screen.getByTestId('confirm-dialog').textContent ?? '';

describe('removing an account: what the question says', () => {
  it('a POP3 account: its mail may be on this computer only, and it moves to Local Folders, with the unsent messages', async () => {
    showDialog(POP3, [{ state: 'waiting' }, { state: 'failed' }, { state: 'sent' }], { folder: 'bob@example.test', messages: 4, unsent: 2 });
    await waitFor(() => expect(dialogText()).toContain('The 2 messages in its Outbox not sent yet are kept in Local Folders ▸ bob@example.test ▸ Unsent.'));
    expect(dialogText()).toContain('its 4 messages are not deleted: they move to Local Folders, to a folder named bob@example.test.');
    expect(dialogText()).not.toContain('add the account again');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await screen.findByText('Bob was removed from this computer. The mail that was only here is in Local Folders ▸ bob@example.test.');
  });

  it('an IMAP account with nothing unsent: the server keeps the mail, and nothing more is said', async () => {
    const client = showDialog(ACCOUNT, [], null);
    await waitFor(() => expect(client.callsOf('outbox.list')).toHaveLength(1));
    expect(dialogText()).toContain('Nothing is deleted on the server: add the account again to get the mail back.');
    expect(dialogText()).not.toContain('Outbox');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await screen.findByText('Work was removed from this computer.');
  });
});
