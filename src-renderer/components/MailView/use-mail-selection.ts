import { useEffect, useState } from 'react';
import type { AccountView, FolderView, MessageSummary } from '../../../src-main/ipc/contract';
import type { AccountFolders } from './use-account-folders';

/**
 * Which folder and message are open. Until the user picks one, and whenever
 * the open folder disappears, the first account's inbox is opened.
 */
export function useMailSelection(accounts: AccountView[], foldersByAccount: Map<number, AccountFolders>) {
  const [folderId, setFolderId] = useState<number | null>(null);
  // The row as the list had it: the reading pane shows its headers at once, even when the body cannot come.
  const [message, setMessage] = useState<MessageSummary | null>(null);
  const folder = findFolder(foldersByAccount, folderId);
  const fallbackId = folder ? null : (firstInbox(accounts, foldersByAccount)?.id ?? null);

  useEffect(() => {
    if (fallbackId === null) return;
    setFolderId(fallbackId);
    setMessage(null);
  }, [fallbackId]);

  return {
    folder,
    message,
    selectFolder: (next: FolderView) => {
      setFolderId(next.id);
      setMessage(null);
    },
    selectMessage: setMessage,
  };
}

function findFolder(foldersByAccount: Map<number, AccountFolders>, folderId: number | null): FolderView | null {
  if (folderId === null) return null;
  for (const { folders } of foldersByAccount.values()) {
    const found = folders?.find((folder) => folder.id === folderId);
    if (found) return found;
  }
  return null;
}

function firstInbox(accounts: AccountView[], foldersByAccount: Map<number, AccountFolders>): FolderView | null {
  for (const account of accounts) {
    const folders = foldersByAccount.get(account.id)?.folders ?? [];
    const inbox = folders.find((folder) => folder.role === 'inbox') ?? folders.find((folder) => folder.selectable);
    if (inbox) return inbox;
  }
  return null;
}
