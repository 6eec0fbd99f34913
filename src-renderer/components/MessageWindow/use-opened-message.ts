import { useCallback, useEffect, useState } from 'react';
import type { FolderRole, FolderView, MessageSummary, OpenedMessage, StoreChange } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { toErrorShape } from '../../client/wren-client';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';

export interface OpenedMessageState {
  /** Its list entry, kept current; null until the first answer. */
  summary: MessageSummary | null;
  /** Why it cannot be shown: NotFound once it was moved, deleted or its account removed. */
  error: ErrorShape | null;
  /** Its folder's role (Trash asks before deleting for good); null for a plain folder, or while unknown. */
  folderRole: FolderRole | null;
  /** Its account's folders, the Local Folders, then the other accounts': the choices of Move to… and Copy to…. */
  folders: FolderView[];
  reload(): void;
}

/**
 * The message of a window of its own, followed as the store changes: the main
 * window, another device or a filter may read, flag, move or delete it while
 * it is open here, and this window says so rather than showing what is gone.
 */
export function useOpenedMessage({ messageId, accountId }: OpenedMessage, accountIds: number[]): OpenedMessageState {
  const client = useClient();
  const [summary, setSummary] = useState<MessageSummary | null>(null);
  const [error, setError] = useState<ErrorShape | null>(null);
  const reload = useCallback(() => {
    client.request('messages.summary', { messageId }).then(
      (next) => {
        setSummary(next);
        setError(null);
      },
      (failure: unknown) => setError(toErrorShape(failure)),
    );
  }, [client, messageId]);
  useEffect(reload, [reload]);
  useOnReconnect(reload);
  const folderId = summary?.folderId ?? null;
  // Its own change, or one to its folder that names no message (the whole folder).
  useClientEvent('store.changed', ({ changes }) => {
    const touched = (change: StoreChange) => change.entity === 'messages' && (change.ids.includes(messageId) || (change.ids.length === 0 && change.folderId === folderId));
    if (changes.some(touched)) reload();
  });

  // Every account's folders, its own first, and the Local Folders: where it is (Trash asks first) and where Move
  // to… may take it, as in the main window.
  const [folders, setFolders] = useState<FolderView[]>([]);
  const others = accountIds.filter((id) => id !== accountId).join(',');
  useEffect(() => {
    if (folderId === null) return;
    let current = true;
    const order = [accountId, ...(accountId === null ? [] : [null]), ...(others ? others.split(',').map(Number) : [])];
    const lists = order.map((id) => client.request('folders.list', id === accountId ? { accountId: id, includeUnsubscribed: true } : { accountId: id }));
    Promise.all(lists).then((found) => current && setFolders(found.flat()), () => undefined);
    return () => {
      current = false;
    };
  }, [client, accountId, folderId, others]);
  const folderRole = folders.find((folder) => folder.id === folderId)?.role ?? null;

  return { summary, error, folderRole, folders, reload };
}
