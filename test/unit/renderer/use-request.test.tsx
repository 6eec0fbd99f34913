// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderView } from '../../../src-main/ipc/contract';
import { useRequest } from '../../../src-renderer/hooks/use-request';
import { FakeClient, renderWithClient } from './fake-client';
import { FOLDERS } from './mail-fixtures';

afterEach(cleanup);

/** Lists Local Folders only while asked to, as the App does while no account is left. */
function LocalFolders() {
  const [ask, setAsk] = useState(true);
  const folders = useRequest('folders.list', ask ? { accountId: null } : null);
  return (
    <>
      <button type="button" onClick={() => setAsk(!ask)}>toggle</button>
      <p data-testid="answer">{folders.data === null ? 'waiting' : folders.data.map((folder) => folder.path).join(',') || 'none'}</p>
    </>
  );
}

describe('useRequest', () => {
  it('asked again for params it answered before, waits for the new answer instead of passing the old one off as current', async () => {
    const kept: FolderView = { ...FOLDERS[0]!, id: 50, accountId: null, role: null, path: 'kept', name: 'kept', total: 3 };
    let release: (folders: FolderView[]) => void = () => undefined;
    const answers: (() => FolderView[] | Promise<FolderView[]>)[] = [() => [], () => new Promise((resolve) => (release = resolve))];
    const client = new FakeClient({ 'folders.list': () => answers.shift()!() });
    renderWithClient(<LocalFolders />, client);
    expect((await screen.findByText('none')).textContent).toBe('none');

    fireEvent.click(screen.getByText('toggle'));
    fireEvent.click(screen.getByText('toggle'));
    // The first answer (no folder) is old now: the second is awaited.
    expect(screen.getByTestId('answer').textContent).toBe('waiting');
    release([kept]);
    expect((await screen.findByText('kept')).textContent).toBe('kept');
    expect(client.callsOf('folders.list')).toHaveLength(2);
  });
});
