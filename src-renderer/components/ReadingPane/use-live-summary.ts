import { useCallback, useState } from 'react';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';

/**
 * The open message's list entry, kept current: it starts as the row the list
 * had and is asked for again whenever the store says this message changed
 * (read elsewhere, flagged from the CLI, marked read after the delay…).
 * `onGone` is told when it no longer exists: deleted on another device, a draft
 * sent, moved by a filter, its account removed.
 */
export function useLiveSummary(initial: MessageSummary, onGone?: () => void) {
  const client = useClient();
  const [summary, setSummary] = useState(initial);
  const refresh = useCallback(() => {
    client.request('messages.summary', { messageId: initial.id }).then(setSummary, (error: unknown) => {
      // Any other failure (the core restarting, say) leaves the pane as it is.
      if (toErrorShape(error).code === 'NotFound') onGone?.();
    });
  }, [client, initial.id, onGone]);
  useClientEvent('store.changed', ({ changes }) => {
    const touched = changes.some((change) => change.entity === 'messages' && change.folderId === initial.folderId && change.ids.includes(initial.id));
    if (touched) refresh();
  });
  useOnReconnect(refresh);
  /** Shows a change at once, before the store's event confirms it. */
  const patch = useCallback((change: Partial<MessageSummary>) => setSummary((current) => ({ ...current, ...change })), []);
  return { summary, patch };
}
