import { useEffect } from 'react';
import type { AccountFolders } from './use-account-folders';

const APP_NAME = 'Wren';

/** "(3) Wren": the unread messages in every account's Inbox, as mail web apps show it in the tab. */
export function useUnreadTitle(foldersByAccount: Map<number, AccountFolders>): void {
  const unread = inboxUnread(foldersByAccount);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${APP_NAME}` : APP_NAME;
  }, [unread]);
  useEffect(() => () => void (document.title = APP_NAME), []);
}

export function inboxUnread(foldersByAccount: Map<number, AccountFolders>): number {
  let total = 0;
  for (const { folders } of foldersByAccount.values()) {
    for (const folder of folders ?? []) if (folder.role === 'inbox') total += folder.unread;
  }
  return total;
}
