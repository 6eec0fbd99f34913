import { useCallback } from 'react';
import { useClient } from '../../client/client-context';
import { useToasts } from '../Toasts/toast-context';
import { useUndoOperation } from '../Toasts/use-undo-operation';
import { draftOf, hasDraft, type ComposerState } from './composer-state';

/**
 * Discard: the draft goes to Trash (in the core's journal, as a deleted message does), said with Undo, which
 * takes that back and reopens the composer on it. A draft that could not come back (never stored but here)
 * reopens as a new one, saved again soon.
 */
export function useDiscard(reopen: (state: ComposerState) => void, fail: (error: unknown) => void) {
  const client = useClient();
  const toasts = useToasts();
  const undoOperation = useUndoOperation();
  return useCallback(
    async (pending: Promise<ComposerState>, quietly: boolean) => {
      // A save still under way stores a new version (a first one too): that one goes, not the one the composer knew.
      const state = await pending;
      let undoOperationId: number | null = null;
      if (hasDraft(state)) {
        try {
          ({ undoOperationId } = await client.request('drafts.discard', draftOf(state)));
        } catch (error) {
          return fail(error);
        }
      }
      if (quietly) return;
      const undo = async () => {
        const backInDrafts = undoOperationId !== null && (await undoOperation(undoOperationId));
        reopen(backInDrafts ? state : { ...state, draftMessageId: null });
      };
      toasts.show({ tone: 'info', lines: [{ key: 'compose.discarded' }], undo: () => void undo() });
    },
    [client, toasts, undoOperation, reopen, fail],
  );
}
