import { useEffect, useRef, useState } from 'react';
import type { FolderView } from '../../../src-main/ipc/contract';
import type { MessagePages } from '../MessageList/message-pages';
import { useToasts } from '../Toasts/toast-context';
import type { MessageSelection } from './use-message-selection';

/** How long "press n again" holds: as long as the toast that says it. */
const OFFER_MS = 4_000;

export interface FolderAdvance {
  /** No unread below in this list: says which folder has some next, and that n (or the space bar) again goes there. */
  offer(next: FolderView | null): void;
  /** n again while the offer holds, on the same message: opens that folder, then its first unread message; false otherwise. */
  accept(): boolean;
}

/**
 * Thunderbird's reading through every folder with n or the space bar: past the last unread message of a folder, it
 * offers the next folder that has some (Thunderbird asks in a dialog; here a toast, and the same key again), and
 * there opens the first unread message once the folder's list is in.
 */
export function useFolderAdvance(folder: FolderView | null, pages: MessagePages | null, selection: MessageSelection, selectFolder: (next: FolderView) => void): FolderAdvance {
  const toasts = useToasts();
  // Held for the message it was made on: moving elsewhere (p, a click, another folder) drops it.
  const offered = useRef<{ folder: FolderView; until: number; fromFolder: number | undefined; fromFocus: number | null } | null>(null);
  const [arriving, setArriving] = useState<number | null>(null);

  useEffect(() => {
    if (arriving === null || folder?.id !== arriving || pages?.folderId !== arriving || pages.total === null) return;
    setArriving(null);
    void selection.stepToUnread(1);
  }, [arriving, folder?.id, pages, pages?.total, selection]);

  return {
    offer(next) {
      offered.current = next ? { folder: next, until: Date.now() + OFFER_MS, fromFolder: folder?.id, fromFocus: selection.focusId } : null;
      if (!next) toasts.show({ tone: 'info', lines: [{ key: 'shortcuts.noUnreadBelow' }] });
      else toasts.show({ tone: 'info', lines: [{ key: 'shortcuts.nextUnreadFolder', folder: next, values: { count: next.unread } }], lifetimeMs: OFFER_MS });
    },
    accept() {
      const next = offered.current;
      offered.current = null;
      if (!next || next.until < Date.now() || next.fromFolder !== folder?.id || next.fromFocus !== selection.focusId) return false;
      selectFolder(next.folder);
      setArriving(next.folder.id);
      return true;
    },
  };
}
