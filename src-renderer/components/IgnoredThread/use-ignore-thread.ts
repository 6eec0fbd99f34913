import { useCallback } from 'react';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useToasts } from '../Toasts/toast-context';

/**
 * Thunderbird's Ignore Thread and its way back, for the row menu, the reading pane and the K key alike: ignoring
 * says how many messages it marked read, and its Undo watches the thread again and takes the read marks back.
 */
export function useIgnoreThread(): { ignore(messageId: number): void; watch(messageId: number): void; toggle(messageId: number): void } {
  const client = useClient();
  const toasts = useToasts();
  const showError = useCallback((error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }), [toasts]);

  /** Says what the thread is now: watched, or ignored with how many it marked read and Undo. */
  const announce = useCallback(
    (messageId: number, result: { ignored: boolean; markedRead: number; operationId: number | null }) => {
      if (!result.ignored) {
        toasts.show({ tone: 'info', lines: [{ key: 'thread.watched' }] });
        return;
      }
      const undo = async () => {
        await client.request('messages.ignoreThread', { messageId, ignore: false });
        if (result.operationId !== null) await client.request('operations.undo', { operationId: result.operationId });
        toasts.show({ tone: 'info', lines: [{ key: 'done.undone' }] });
      };
      toasts.show({ tone: 'info', lines: [{ key: 'thread.ignored', values: { count: result.markedRead } }], undo: () => void undo().catch(showError) });
    },
    [client, toasts, showError],
  );

  const ask = useCallback(
    (messageId: number, ignore: boolean | 'toggle') =>
      void client.request('messages.ignoreThread', { messageId, ignore }).then((result) => announce(messageId, result), showError),
    [client, announce, showError],
  );
  return {
    ignore: useCallback((messageId: number) => ask(messageId, true), [ask]),
    watch: useCallback((messageId: number) => ask(messageId, false), [ask]),
    // Thunderbird's K: the core knows whether the thread is ignored, the list may not.
    toggle: useCallback((messageId: number) => ask(messageId, 'toggle'), [ask]),
  };
}
