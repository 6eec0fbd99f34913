// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderDeletePlan } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const RECEIPTS = { path: 'Receipts', messages: 339, subfolders: [{ path: 'Receipts/2025', messages: 2 }], onServer: true, filters: [] };

/** Opens Delete folder… on Receipts with the core's plan given, and returns the confirmation. */
async function confirmationFor(plan: FolderDeletePlan, language: 'en' | 'zh' = 'en') {
  const { client } = mailCore(1);
  client.handlers['folders.deletePlan'] = () => plan;
  client.handlers['folders.delete'] = () => (plan.fate === 'trash' ? { movedTo: plan.trashPath!, name: plan.trashPath!.split('/').at(-1)! } : { deleted: true });
  renderWithClient(<App />, client, language);
  fireEvent.contextMenu(await screen.findByTestId('folder-Receipts', {}, SLOW));
  fireEvent.click(within(screen.getByRole('menu')).getByTestId('folder-menu-delete'));
  return { client, confirm: await screen.findByTestId('confirm-dialog') };
}

describe('Delete folder… says whether the folder goes to Trash or for good', () => {
  it('outside Trash: moved to Trash with its subfolders and messages, and the toast says so', async () => {
    const { client, confirm } = await confirmationFor({ ...RECEIPTS, fate: 'trash', trashPath: 'Trash/Receipts' });
    expect(within(confirm).getByRole('heading').textContent).toBe('Move “Receipts” to Trash?');
    expect(confirm.textContent).toContain('The folder Receipts will be moved to Trash, with its 1 subfolder and 341 messages.');
    expect(confirm.textContent).not.toContain('for good on the server');
    const ok = within(confirm).getByTestId('confirm-ok');
    expect(ok.textContent).toBe('Move to Trash');
    fireEvent.click(ok);
    await waitFor(() => expect(client.callsOf('folders.delete')).toEqual([{ folderId: 16, subfolders: ['Receipts/2025'] }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Folder Receipts moved to Trash.');
  });

  it('names the folder as it is in Trash when Trash had one of that name (Receipts (2))', async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'trash', trashPath: 'Trash/Receipts (2)' });
    fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    expect((await screen.findByTestId('toast')).textContent).toContain('Folder Receipts moved to Trash, as “Receipts (2)”: Trash had a folder of that name.');
  });

  it('in Chinese: 移至“已删除”, with the messages counted', async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'trash', trashPath: 'Trash/Receipts' }, 'zh');
    expect(within(confirm).getByRole('heading').textContent).toBe('将“Receipts”移至“已删除”？');
    expect(confirm.textContent).toContain('文件夹“Receipts”将连同其中的 339 封邮件一起移至“已删除”。');
    fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    expect((await screen.findByTestId('toast')).textContent).toContain('已将文件夹“Receipts”移至“已删除”。');
  });

  it('an account without a Trash: deleted for good, and the dialog says why', async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'noTrash', trashPath: null });
    expect(within(confirm).getByRole('heading').textContent).toBe('Delete “Receipts” and its 339 messages for good?');
    expect(confirm.textContent).toContain('This account has no Trash folder on the server to move it into. The folder Receipts and all the mail in it');
    expect(within(confirm).getByTestId('confirm-ok').textContent).toBe('Delete folder');
  });

  it('in Chinese, without a Trash: 永久删除', async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'noTrash', trashPath: null }, 'zh');
    expect(within(confirm).getByRole('heading').textContent).toBe('永久删除“Receipts”及其中的 339 封邮件？');
    expect(confirm.textContent).toContain('此账户在服务器上没有可以移入的“已删除”文件夹。文件夹“Receipts”及其中的所有邮件（339 封）将从服务器上永久删除。');
  });

  it('names the filters that file mail into the folder, which the delete turns off, in English and Chinese (QA)', async () => {
    const one = [{ id: 4, accountId: 1, name: 'Receipts in' }];
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'trash', trashPath: 'Trash/Receipts', filters: one });
    expect(confirm.textContent).toContain(
      'Deleting it there deletes it for good. 1 filter files mail into this folder or one inside it: “Receipts in”. It will be turned off, kept so you can choose another folder and turn it on again in the account settings.',
    );
    cleanup();
    const two = [...one, { id: 7, accountId: 1, name: 'Old bills' }];
    const forGood = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'inTrash', trashPath: null, filters: two });
    expect(forGood.confirm.textContent).toContain('2 filters file mail into this folder or one inside it: “Receipts in”, “Old bills”. They will be turned off');
    cleanup();
    const zh = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'trash', trashPath: 'Trash/Receipts', filters: [{ id: 4, accountId: 1, name: '合同归档' }] }, 'zh');
    expect(zh.confirm.textContent).toContain(
      '在那里再删除它才会永久删除。有 1 个过滤器（“合同归档”）会把邮件放入此文件夹或其子文件夹，删除后将被关闭；其设置会保留，可在账户设置中改选文件夹后重新开启。',
    );
  });

  it('says nothing of filters when none files mail there', async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'trash', trashPath: 'Trash/Receipts' });
    expect(confirm.textContent).not.toContain('filter');
  });

  it("a POP3 account's own folder (kept only here): deleted from this computer, no server named, in English and Chinese (QA)", async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'inTrash', trashPath: null, onServer: false });
    expect(within(confirm).getByRole('heading').textContent).toBe('Delete “Receipts” and its 339 messages for good?');
    expect(confirm.textContent).toContain('The folder Receipts and all the mail in it (339 messages) will be deleted from this computer.');
    expect(confirm.textContent).not.toContain('server');
    cleanup();
    const zh = await confirmationFor({ ...RECEIPTS, messages: 0, subfolders: [], fate: 'inTrash', trashPath: null, onServer: false }, 'zh');
    expect(zh.confirm.textContent).toContain('空文件夹“Receipts”将从这台电脑上删除。');
    expect(zh.confirm.textContent).not.toContain('服务器');
  });

  it('a folder kept only here with no Trash to take it (an old flat POP3 account) is not told of a server without one', async () => {
    const { confirm } = await confirmationFor({ ...RECEIPTS, subfolders: [], fate: 'noTrash', trashPath: null, onServer: false });
    expect(confirm.textContent).toContain('The folder Receipts and all the mail in it (339 messages) will be deleted from this computer.');
    expect(confirm.textContent).not.toContain('server');
  });
});
