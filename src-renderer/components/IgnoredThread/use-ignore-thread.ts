import { useCallback } from 'react';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useToasts } from '../Toasts/toast-context';

/**
 * Thunderbird's Ignore Thread and its way back, for the row menu and the reading pane alike: ignoring says how
 * many messages it marked read, and its Undo watches the thread again and takes the read marks back.
 */
export function useIgnoreThread(): { ignore(messageId: number): void; watch(messageId: number): void } {
  const client = useClient();
  const toasts = useToasts();
  const showError = useCallback((error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }), [toasts]);

  const watch = useCallback(
    (messageId: number) => {
      client.request('messages.ignoreThread', { messageId, ignore: false }).then(() => {
        toasts.show({ tone: 'info', lines: [{ key: 'thread.watched' }] });
      }, showError);
    },
    [client, toasts, showError],
  );

  const ignore = useCallback(
    (messageId: number) => {
      client.request('messages.ignoreThread', { messageId, ignore: true }).then((result) => {
        const undo = async () => {
          await client.request('messages.ignoreThread', { messageId, ignore: false });
          if (result.operationId !== null) await client.request('operations.undo', { operationId: result.operationId });
          toasts.show({ tone: 'info', lines: [{ key: 'done.undone' }] });
        };
        toasts.show({ tone: 'info', lines: [{ key: 'thread.ignored', values: { count: result.markedRead } }], undo: () => void undo().catch(showError) });
      }, showError);
    },
    [client, toasts, showError],
  );
  return { ignore, watch };
}
