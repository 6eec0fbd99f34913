import { useCallback } from 'react';
import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { useToasts } from '../Toasts/toast-context';
import type { ToastLine } from '../Toasts/toast-line';

export interface FolderMove {
  /** Into `parent`, or to the top of its account (`account` null: of the Local Folders). */
  move(folder: FolderView, parent: FolderView | null, account: AccountView | null): void;
  /** An Undo that puts the folder back where and as it was (its parent and name before a move or a delete into Trash). */
  putBack(folder: FolderView): () => void;
}

/**
 * Thunderbird's Move To and drag of a folder onto another: one request (the core moves it at once and replays a
 * RENAME), then a toast whose Undo moves it back.
 */
export function useFolderMove(): FolderMove {
  const client = useClient();
  const t = useT();
  const toasts = useToasts();
  const failed = useCallback((error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] }), [toasts]);
  const putBack = useCallback(
    (folder: FolderView) => () =>
      void client.request('folders.move', { folderId: folder.id, parentId: folder.parentId, name: folder.name }).catch(failed),
    [client, failed],
  );
  const move = useCallback(
    (folder: FolderView, parent: FolderView | null, account: AccountView | null) => {
      const line: ToastLine = parent
        ? { key: 'done.folderMoved', folder, values: { target: folderDisplayName(parent, t) } }
        : { key: 'done.folderMovedToTop', folder, values: { account: account?.name ?? t('folders.local') } };
      client.request('folders.move', { folderId: folder.id, parentId: parent?.id ?? null }).then(
        () => toasts.show({ tone: 'info', lines: [line], undo: putBack(folder) }),
        failed,
      );
    },
    [client, t, toasts, putBack, failed],
  );
  return { move, putBack };
}
