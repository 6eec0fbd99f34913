import type { AccountView, FolderView } from '../../../src-main/ipc/contract';

/** The dialog a folder command opens: a name to ask for, or a confirmation before what cannot be undone. */
export type FolderDialogState =
  /** `account` null: a local folder. */
  | { kind: 'create'; account: AccountView | null; parent: FolderView | null }
  | { kind: 'rename'; folder: FolderView }
  /** `account` null: a local folder, moved among the Local Folders. */
  | { kind: 'move'; folder: FolderView; account: AccountView | null }
  | { kind: 'delete'; folder: FolderView }
  | { kind: 'empty'; folder: FolderView };

/** Special-use folders (Inbox, Sent, Trash…) keep their name and place: the server and other clients rely on them. */
export function isProtected(folder: FolderView): boolean {
  return folder.role !== null || folder.path.toUpperCase() === 'INBOX';
}

export function canEmpty(folder: FolderView): boolean {
  return folder.role === 'trash' || folder.role === 'junk';
}
