import type { Store } from '../store/store';

/** Unread messages in every account's Inbox: the number on the dock / taskbar badge and in the window title. */
export function inboxUnread(store: Store): number {
  let total = 0;
  for (const account of store.accounts.list()) {
    for (const folder of store.folders.list(account.id)) if (folder.role === 'inbox') total += folder.unread;
  }
  return total;
}
