// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../src-main/ipc/contract';
import { ClientProvider } from '../../../src-renderer/client/client-context';
import { LOCAL_FOLDERS, useAccountFolders } from '../../../src-renderer/components/MailView/use-account-folders';
import { FakeClient } from './fake-client';
import { ACCOUNT, FOLDERS } from './mail-fixtures';

afterEach(cleanup);

describe('useAccountFolders', () => {
  it('drops a removed account\'s folders (the Move picker offered them until a reload)', async () => {
    const client = new FakeClient({ 'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS.map((folder) => ({ ...folder, accountId }))) });
    const wrapper = ({ children }: { children: ReactNode }) => <ClientProvider client={client}>{children}</ClientProvider>;
    const second: AccountView = { ...ACCOUNT, id: 2, email: 'bob@example.test' };
    const { result, rerender } = renderHook(({ accounts }: { accounts: AccountView[] }) => useAccountFolders(accounts), { wrapper, initialProps: { accounts: [ACCOUNT, second] } });
    await waitFor(() => expect([...result.current.keys()].sort()).toEqual([LOCAL_FOLDERS, ACCOUNT.id, 2]));
    rerender({ accounts: [ACCOUNT] });
    await waitFor(() => expect([...result.current.keys()].sort()).toEqual([LOCAL_FOLDERS, ACCOUNT.id]));
    expect(result.current.get(ACCOUNT.id)?.folders).toHaveLength(FOLDERS.length);
  });
});
