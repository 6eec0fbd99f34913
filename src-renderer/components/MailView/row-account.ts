import type { FolderView, MessageSummary, ViewMessageSummary } from '../../../src-main/ipc/contract';

/** The account a listed message is in: its folder's, or in a unified view or search (rows of several accounts) its own; null for the Local Folders. */
export function rowAccountId(folder: FolderView | null, row: MessageSummary): number | null {
  return folder?.accountId ?? (row as Partial<ViewMessageSummary>).accountId ?? null;
}
