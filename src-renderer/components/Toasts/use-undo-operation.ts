import { useCallback } from 'react';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useToasts } from './toast-context';

/** A toast's Undo for a journaled action: takes the operation back, then says so (or why it could not); true once taken back. */
export function useUndoOperation(): (operationId: number) => Promise<boolean> {
  const client = useClient();
  const toasts = useToasts();
  return useCallback(
    (operationId: number) =>
      client.request('operations.undo', { operationId }).then(
        () => {
          toasts.show({ tone: 'info', lines: [{ key: 'done.undone' }] });
          return true;
        },
        (error: unknown) => {
          toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] });
          return false;
        },
      ),
    [client, toasts],
  );
}
