// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageFilter } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { FilterEditor } from '../../../src-renderer/components/FilterEditor';
import { FilterFromMessage } from '../../../src-renderer/components/FilterEditor/filter-from-message';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';
import { FakeClient, failure, renderWithClient } from './fake-client';
import { ACCOUNT, FOLDERS, SUMMARY, folder } from './mail-fixtures';
import { settingsCore } from './settings-core';

afterEach(cleanup);

const FILTER: MessageFilter = {
  id: 7, accountId: ACCOUNT.id, position: 1, name: 'Lists', enabled: true, match: 'all',
  conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { moveTo: null, copyTo: null, redirectTo: null, forwardTo: null, forwardAs: 'inline', replyTemplate: null, markRead: true, flag: false, tag: null, delete: false },
  runOn: { newMail: true, afterSending: false, periodically: false },
};

describe('the filter list in Settings', () => {
  it('switches a filter off at once and saves it without its place; a refusal shows why and the saved state again', async () => {
    let refuse = false;
    const client = new FakeClient({
      'filters.list': () => [FILTER],
      'folders.list': () => [],
      'filters.save': (filter) => (refuse ? failure({ code: 'DatabaseBusy', message: 'locked' }) : { ...FILTER, ...filter, id: FILTER.id, position: 1 } as MessageFilter),
    });
    renderWithClient(<FilterEditor account={ACCOUNT} />, client);
    const toggle = (await screen.findByTestId('filter-enabled')) as HTMLInputElement;
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    await waitFor(() => expect(client.callsOf('filters.save')).toHaveLength(1));
    expect(client.callsOf('filters.save')[0]).not.toHaveProperty('position');
    expect(client.callsOf('filters.save')[0]).toMatchObject({ id: 7, enabled: false });
    // The switch is off limits while the save and the list's reading after it are out (a click then does nothing).
    await waitFor(() => expect(toggle.disabled).toBe(false));
    refuse = true;
    fireEvent.click(toggle);
    await screen.findByRole('alert');
    // The core still holds the filter on (the stand-in lists it so): the switch shows that again.
    await waitFor(() => expect(toggle.checked).toBe(true));
  });

  it('asks before removing a filter, naming it, and clears the last run result once the filter is gone', async () => {
    let filters = [FILTER];
    const client = new FakeClient({
      'filters.list': () => filters,
      'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS),
      'filters.run': () => ({ matched: 2, moved: 2, copied: 0, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [], unreadable: 0 }),
      'filters.remove': () => {
        filters = [];
        return { removed: true as const };
      },
    });
    renderWithClient(<FilterEditor account={ACCOUNT} />, client);
    fireEvent.click(await screen.findByTestId('filter-run'));
    expect((await screen.findByTestId('filter-ran')).textContent).toBe('Matched 2, moved or deleted 2.');

    fireEvent.click(screen.getByTestId('filter-remove'));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Remove the filter “Lists”?');
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(client.callsOf('filters.remove')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('filter-remove'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await screen.findByText('No filters yet.');
    expect(client.callsOf('filters.remove')).toEqual([{ filterId: 7 }]);
    expect(screen.queryByTestId('filter-ran')).toBeNull();
  });
});

describe('the folders a filter files mail into, named as the folder tree names them', () => {
  // QA: a local folder deleted into Trash read "Local Folders › Trash/个人" in Chinese: the path, its "/", the English Trash.
  const LOCAL = [folder(90, 'Trash', { accountId: null, role: 'trash' }), folder(91, 'Trash/个人', { accountId: null, parentId: 90 })];
  const filing = { ...FILTER, actions: { ...FILTER.actions, moveTo: 91, copyTo: 13 } };
  const editorWith = (filters: MessageFilter[], language: 'en' | 'zh') => {
    const client = new FakeClient({ 'filters.list': () => filters, 'folders.list': ({ accountId }) => (accountId === null ? LOCAL : FOLDERS) });
    renderWithClient(<FilterEditor account={ACCOUNT} />, client, language);
  };
  const options = (testId: string) => [...(screen.getByTestId(testId) as HTMLSelectElement).options].map((option) => option.textContent);

  it('in Chinese: each level by its name in the tree (已删除, 收件箱), "›" between, 本地文件夹 first for a local one, in the list and the form', async () => {
    editorWith([filing], 'zh');
    const summary = await screen.findByText(/移动到/);
    expect(summary.textContent).toContain('复制到 Projects › Wren、移动到 本地文件夹 › 已删除 › 个人、标记为已读');
    fireEvent.click(screen.getByTestId('filter-edit'));
    expect(options('filter-move')).toEqual(['（不移动）', '收件箱', '已发送', 'Projects', 'Projects › Wren', '本地文件夹 › 已删除', '本地文件夹 › 已删除 › 个人']);
    expect((screen.getByTestId('filter-move') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('本地文件夹 › 已删除 › 个人');
  });

  it('in English, and a folder that is gone said so', async () => {
    editorWith([filing, { ...filing, id: 8, name: 'Gone', enabled: false, actions: { ...filing.actions, copyTo: null, moveTo: 99 } }], 'en');
    const [first, gone] = await screen.findAllByTestId('filter-row');
    expect(first!.textContent).toContain('Copy to Projects › Wren, Move to Local Folders › Trash › 个人');
    expect(gone!.textContent).toContain('Move to a folder that is gone');
  });

  it('"Run now" says a filter whose folder is gone did nothing and is turned off, in English and Chinese', async () => {
    for (const [language, words] of [
      ['en', 'Matched 0, moved or deleted 0. 1 filter did nothing and is turned off now: the folder it files mail into is gone. Choose another folder for it and turn it on again.'],
      ['zh', '有 1 个过滤器要放入邮件的文件夹已不存在，因此未执行任何操作，现已关闭。请为其改选文件夹后重新开启。'],
    ] as const) {
      const client = new FakeClient({
        'filters.list': () => [filing],
        'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS),
        'filters.run': () => ({ matched: 0, moved: 0, copied: 0, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [7], unreadable: 0 }),
      });
      renderWithClient(<FilterEditor account={ACCOUNT} />, client, language);
      fireEvent.click(await screen.findByTestId('filter-run'));
      expect((await screen.findByTestId('filter-ran')).textContent).toContain(words);
      cleanup();
    }
  });
});

describe('Escape in the filter form, in Settings', () => {
  it('cancels the form alone, as its Cancel does: Settings stays open, nothing is saved, and the next Escape closes Settings', async () => {
    const client = new FakeClient({ ...settingsCore().handlers, 'filters.list': () => [FILTER] });
    renderWithClient(<App />, client);
    fireEvent.click(await screen.findByTestId('open-settings'));
    const editor = await screen.findByTestId(`account-${ACCOUNT.id}-filters`);
    fireEvent.click(await within(editor).findByTestId('filter-add'));
    fireEvent.change(within(editor).getByTestId('filter-name'), { target: { value: 'Newsletters' } });
    fireEvent.keyDown(within(editor).getByTestId('filter-name'), { key: 'Escape' });

    expect(within(editor).queryByTestId('filter-form')).toBeNull();
    expect(screen.getByTestId('settings')).toBeTruthy();
    expect(within(editor).getAllByTestId('filter-row')).toHaveLength(1);
    expect(client.callsOf('filters.save')).toEqual([]);
    expect(document.activeElement).toBe(within(editor).getByTestId('filter-add'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('settings')).toBeNull();
  });

  it('is the Cancel of a filter made from a message too, whose form is its whole dialog', async () => {
    const client = new FakeClient({ ...settingsCore().handlers, 'filters.list': () => [] });
    let closed = 0;
    renderWithClient(<ToastProvider><FilterFromMessage accountId={ACCOUNT.id} message={SUMMARY} onClose={() => closed++} /></ToastProvider>, client);
    fireEvent.keyDown(await screen.findByTestId('filter-name'), { key: 'Escape' });
    // Once: the form's Cancel closes the dialog, and the Escape goes no further to close it again.
    expect(closed).toBe(1);
  });
});
