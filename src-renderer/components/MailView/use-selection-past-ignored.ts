import { useClientEvent } from '../../hooks/use-client-event';
import type { MessagePages } from '../MessageList/message-pages';
import { neighbourOf } from './neighbour-row';
import type { MessageSelection } from './use-message-selection';

/**
 * Ignoring the open message's thread takes the thread out of the folder's
 * list (unless the user shows ignored threads): the next message is opened
 * instead, as after a delete, rather than the pane keeping one the list no
 * longer has. The event comes before the list's new rows, so the rows around the thread are still known.
 */
export function useSelectionPastIgnored(pages: MessagePages | null, selection: MessageSelection, listHidesIgnored: boolean): void {
  useClientEvent('thread.ignored', ({ messageIds, ignored }) => {
    if (!ignored || !listHidesIgnored || !pages || selection.ids.size === 0) return;
    const leaving = new Set(messageIds);
    if (![...selection.ids].every((id) => leaving.has(id))) return;
    selection.selectOnly(neighbourOf(pages, leaving));
  });
}
