// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, failure, renderWithClient } from './fake-client';
import { ACCOUNT, FOLDERS, MESSAGE, SUMMARY } from './mail-fixtures';

afterEach(cleanup);

/** The account as after its password changed on the server: the last sync's login was refused. */
const REFUSED: AccountView = { ...ACCOUNT, state: 'error', lastError: { code: 'AuthFailed', message: 'AUTHENTICATIONFAILED' } };

function refusedCore(newPasswordWorks = true) {
  return new FakeClient({
    'accounts.list': () => [REFUSED],
    'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS),
    'messages.list': () => ({ total: 1, items: [SUMMARY] }),
    'messages.read': () => MESSAGE,
    'sync.start': () => ({ started: [ACCOUNT.id] }),
    // As the core: the new password is tested with a login before it is kept.
    'accounts.update': () => (newPasswordWorks ? ACCOUNT : failure({ code: 'AuthFailed', message: 'AUTHENTICATIONFAILED' })),
  });
}

const heading = () => screen.getByTestId(`account-${ACCOUNT.id}`).querySelector('[data-testid="account-heading"]') as HTMLElement;

describe('a refused login, mended where it is told', () => {
  it('the banner\'s "Enter password…" opens the edit dialog on its password field; a password that works ends the banner and the mark', async () => {
    const client = refusedCore();
    renderWithClient(<App />, client);
    const banner = await screen.findByTestId(`account-status-${ACCOUNT.id}`);
    expect(banner.textContent).toContain('Work has a problem.');
    // The folder pane marks the account too, the problem as its tooltip.
    const mark = within(heading()).getByTestId('account-problem');
    expect(mark.getAttribute('title')).toBe('Work has a problem. The server rejected the user name or password.');

    fireEvent.click(within(banner).getByRole('button', { name: 'Enter password…' }));
    const dialog = await screen.findByTestId('edit-account-dialog');
    const password = within(dialog).getByTestId('edit-account-password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    fireEvent.change(password, { target: { value: 'the new one' } });
    fireEvent.click(within(dialog).getByTestId('edit-account-save'));
    await waitFor(() => expect(screen.queryByTestId('edit-account-dialog')).toBeNull());
    expect(client.callsOf('accounts.update')).toEqual([{ accountId: ACCOUNT.id, password: 'the new one' }]);

    // The core starts the account's sync with the new password before it answers: the account is syncing, no longer failing.
    await client.deliver('account.status', { accountId: ACCOUNT.id, state: 'syncing', error: null, retryAt: null });
    expect(screen.queryByTestId(`account-status-${ACCOUNT.id}`)).toBeNull();
    expect(within(heading()).queryByTestId('account-problem')).toBeNull();
  });

  it('a password the server refuses too is said in the dialog, which stays open; the banner stays', async () => {
    renderWithClient(<App />, refusedCore(false));
    fireEvent.click(await screen.findByRole('button', { name: 'Enter password…' }));
    const dialog = await screen.findByTestId('edit-account-dialog');
    fireEvent.change(within(dialog).getByTestId('edit-account-password'), { target: { value: 'wrong again' } });
    fireEvent.click(within(dialog).getByTestId('edit-account-save'));
    await waitFor(() => expect(within(dialog).getByRole('alert').getAttribute('data-error-code')).toBe('AuthFailed'));
    expect(screen.getByTestId('edit-account-dialog')).toBeTruthy();
    expect(screen.getByTestId(`account-status-${ACCOUNT.id}`)).toBeTruthy();
  });

  it('in Chinese: the button and the mark\'s words', async () => {
    renderWithClient(<App />, refusedCore(), 'zh');
    const banner = await screen.findByTestId(`account-status-${ACCOUNT.id}`);
    expect(within(banner).getByRole('button', { name: '输入密码…' })).toBeTruthy();
    expect(within(heading()).getByTestId('account-problem').getAttribute('title')).toContain('Work 出现问题。');
  });
});
