// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilterRef } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { folder } from './mail-fixtures';

afterEach(cleanup);
withListLayout();

const TRASH = 14;

/** Opens Empty Trash… with Trash holding a folder deleted into it (Trash/Old, 2 messages) or none, and the core's plan given. */
async function confirmationFor(filters: FilterRef[], { holdsFolder = true, language = 'en' as 'en' | 'zh' } = {}) {
  const { client } = mailCore(1);
  const list = client.handlers['folders.list']!;
  client.handlers['folders.list'] = async (params) => [...(await list(params)), ...(holdsFolder && params.accountId === 1 ? [folder(30, 'Trash/Old', { parentId: TRASH, total: 2 })] : [])];
  client.handlers['folders.emptyPlan'] = () => ({ filters });
  client.handlers['folders.empty'] = () => ({ operationId: 9, affected: 0, undoable: false });
  renderWithClient(<App />, client, language);
  if (holdsFolder) await screen.findByTestId('folder-Trash/Old', {}, SLOW);
  fireEvent.contextMenu(await screen.findByTestId('folder-Trash', {}, SLOW));
  const empty = within(screen.getByRole('menu')).getByTestId('folder-menu-empty') as HTMLButtonElement;
  await waitFor(() => expect(empty.disabled).toBe(false));
  fireEvent.click(empty);
  return { client, confirm: await screen.findByTestId('confirm-dialog') };
}

describe('Empty Trash… names the filters it turns off, as a folder delete does', () => {
  it('one filter filing mail into a folder in Trash: named, and said to be turned off and kept', async () => {
    const { client, confirm } = await confirmationFor([{ id: 4, accountId: 1, name: 'Into old' }]);
    expect(client.callsOf('folders.emptyPlan')).toEqual([{ folderId: TRASH }]);
    expect(confirm.querySelector('.dialog__text')?.textContent).toBe(
      'The 1 folder in Trash and the 2 messages it holds will be deleted for good. This cannot be undone. ' +
        '1 filter files mail into a folder in Trash: “Into old”. It will be turned off, kept so you can choose another folder and turn it on again in the account settings.',
    );
    fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    await waitFor(() => expect(client.callsOf('folders.empty')).toEqual([{ folderId: TRASH }]));
  });

  it('several, by name; none, no words', async () => {
    const two = await confirmationFor([{ id: 4, accountId: 1, name: 'Into old' }, { id: 7, accountId: 2, name: 'Old bills' }]);
    expect(two.confirm.textContent).toContain('2 filters file mail into folders in Trash: “Into old”, “Old bills”. They will be turned off, kept so you can choose another folder and turn them on again');
    cleanup();
    const none = await confirmationFor([]);
    expect(none.confirm.textContent).toContain('The 1 folder in Trash and the 2 messages it holds will be deleted for good.');
    expect(none.confirm.textContent).not.toContain('filter');
  });

  it('in Chinese', async () => {
    const { confirm } = await confirmationFor([{ id: 4, accountId: 1, name: '合同归档' }], { language: 'zh' });
    expect(confirm.textContent).toContain('有 1 个过滤器（“合同归档”）会把邮件放入“已删除”中的文件夹，清空后将被关闭；其设置会保留，可在账户设置中改选文件夹后重新开启。');
  });

  it('a Trash holding no folder has no filter to turn off: the core is not asked', async () => {
    const { client } = mailCore(1);
    client.handlers['folders.empty'] = () => ({ operationId: 9, affected: 1, undoable: false });
    renderWithClient(<App />, client);
    fireEvent.click((await screen.findAllByTestId('message-row', {}, SLOW))[0]!);
    const listed = client.callsOf('folders.list').length;
    fireEvent.click(screen.getByTestId('action-delete'));
    await waitFor(() => expect(client.callsOf('folders.list').length).toBeGreaterThan(listed));
    fireEvent.contextMenu(await screen.findByTestId('folder-Trash', {}, SLOW));
    fireEvent.click(within(screen.getByRole('menu')).getByTestId('folder-menu-empty'));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('The 1 message in Trash will be deleted for good.');
    expect(client.callsOf('folders.emptyPlan')).toEqual([]);
  });
});
