import { useCallback } from 'react';
import type { FolderView, MessageSummary } from '../../../src-main/ipc/contract';
import { openMessageWindow } from '../../message-window/open-message-window';
import { useToasts } from '../Toasts/toast-context';
import { rowAccountId } from './row-account';

/**
 * Opens a listed message in a window of its own; a browser that blocks the
 * window (its pop-up setting) is named in a toast rather than nothing happening.
 */
export function useOpenMessageWindow(folder: FolderView | null): (message: MessageSummary) => void {
  const toasts = useToasts();
  return useCallback(
    (message: MessageSummary) => {
      if (!openMessageWindow({ messageId: message.id, accountId: rowAccountId(folder, message) })) toasts.show({ tone: 'error', lines: [{ key: 'messageWindow.blocked' }] });
    },
    [folder, toasts],
  );
}
