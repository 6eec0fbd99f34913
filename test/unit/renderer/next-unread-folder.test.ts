// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextUnreadFolder } from '../../../src-renderer/components/MailView/next-unread-folder';
import { LOCAL_FOLDERS, type AccountFolders } from '../../../src-renderer/components/MailView/use-account-folders';
import { ACCOUNT, folder } from './mail-fixtures';

const WORK = { ...ACCOUNT, id: 2, name: 'Work' };

/** Two accounts and Local Folders, each folder with the unread count given. */
function tree(): Map<number, AccountFolders> {
  return new Map<number, AccountFolders>([
    [ACCOUNT.id, { error: null, folders: [folder(1, 'INBOX', { role: 'inbox', unread: 2 }), folder(2, 'Junk', { role: 'junk', unread: 9 }), folder(3, 'Lists', { unread: 0 }), folder(4, 'Lists/Dev', { parentId: 3, unread: 1 })] }],
    [WORK.id, { error: null, folders: [folder(11, 'INBOX', { role: 'inbox', accountId: WORK.id, unread: 0 }), folder(12, 'Trash', { role: 'trash', accountId: WORK.id, unread: 4 })] }],
    [LOCAL_FOLDERS, { error: null, folders: [folder(21, 'Kept', { accountId: null, unread: 3 })] }],
  ]);
}

describe('nextUnreadFolder (Thunderbird\'s next unread folder)', () => {
  it('is the next folder with unread mail in the folder pane\'s order, a subfolder under its parent, Junk and Trash passed over', () => {
    const folders = tree();
    const inbox = folders.get(ACCOUNT.id)!.folders![0]!;
    expect(nextUnreadFolder(inbox, [ACCOUNT, WORK], folders)?.id).toBe(4);
    expect(nextUnreadFolder(folders.get(ACCOUNT.id)!.folders![3]!, [ACCOUNT, WORK], folders)?.id).toBe(21);
  });

  it('goes round to the top, and is none when no other folder has unread mail', () => {
    const folders = tree();
    const kept = folders.get(LOCAL_FOLDERS)!.folders![0]!;
    expect(nextUnreadFolder(kept, [ACCOUNT, WORK], folders)?.id).toBe(1);
    const only = new Map<number, AccountFolders>([[ACCOUNT.id, { error: null, folders: [folder(1, 'INBOX', { role: 'inbox', unread: 2 }), folder(2, 'Junk', { role: 'junk', unread: 9 })] }]]);
    expect(nextUnreadFolder(only.get(ACCOUNT.id)!.folders![0]!, [ACCOUNT], only)).toBeNull();
  });
});
