// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';
import { ACCOUNT, FOLDERS } from './mail-fixtures';

afterEach(cleanup);

function accountCore() {
  return new FakeClient({
    ...settingsCore().handlers,
    'accounts.update': (patch) => ({ ...ACCOUNT, ...(patch.name !== undefined && { name: patch.name }) }),
    'accounts.remove': () => ({ removed: true as const, kept: null }),
    'outbox.list': () => [],
  });
}

async function accountSection() {
  fireEvent.click(await screen.findByTestId('open-settings'));
  return within(await screen.findByTestId(`account-${ACCOUNT.id}-settings`));
}

describe('Settings ▸ Accounts: the account\'s server, password and removal, as in its folder-pane menu', () => {
  it('"Server settings and password…" opens the edit dialog over the settings, and its Save tests the new password', async () => {
    const client = accountCore();
    renderWithClient(<App />, client);
    const section = await accountSection();
    fireEvent.click(section.getByRole('button', { name: 'Server settings and password…' }));
    const dialog = await screen.findByTestId('edit-account-dialog');
    expect(screen.getByTestId('settings')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('edit-account-password'), { target: { value: 'new secret' } });
    fireEvent.click(within(dialog).getByTestId('edit-account-save'));
    await waitFor(() => expect(screen.queryByTestId('edit-account-dialog')).toBeNull());
    expect(client.callsOf('accounts.update')).toEqual([{ accountId: ACCOUNT.id, password: 'new secret' }]);
  });

  it('"Remove account…" asks the folder menu\'s question, with the account\'s folders counted, and removes it', async () => {
    const client = accountCore();
    renderWithClient(<App />, client);
    const section = await accountSection();
    fireEvent.click(section.getByRole('button', { name: 'Remove account…' }));
    const question = await screen.findByTestId('confirm-dialog');
    const messages = FOLDERS.reduce((sum, folder) => sum + folder.total, 0);
    expect(question.textContent).toContain(`the copy of ${ACCOUNT.email}: ${FOLDERS.length} folders with ${messages} messages`);
    fireEvent.click(within(question).getByTestId('confirm-ok'));
    await waitFor(() => expect(client.callsOf('accounts.remove')).toEqual([{ accountId: ACCOUNT.id }]));
  });

  it('in Chinese', async () => {
    renderWithClient(<App />, accountCore(), 'zh');
    const section = await accountSection();
    expect(section.getByRole('button', { name: '服务器设置与密码…' })).toBeTruthy();
    expect(section.getByRole('button', { name: '删除账户…' })).toBeTruthy();
  });
});
