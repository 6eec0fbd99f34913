import { useClient } from '../../client/client-context';
import { useSettings } from '../../settings/settings-context';

export interface MessageNeighbours {
  /** The message after or before in its folder's list, as the main window orders it; null at the end. */
  find(direction: 'next' | 'previous', unread?: boolean): Promise<number | null>;
  /**
   * Where the window goes once its message leaves the folder (deleted, archived, moved): the next message, else
   * the one before, as Thunderbird's window goes; null when it should close (the setting, or nothing left).
   */
  afterLeaving(): Promise<number | null>;
}

/** The messages beside a message window's own, in the order and with the threads the main window's list shows. */
export function useMessageNeighbours(messageId: number): MessageNeighbours {
  const client = useClient();
  const { settings } = useSettings();
  const { listSort, listThreads, showIgnoredThreads, closeMessageWindowOnMove } = settings.app;
  const find = (direction: 'next' | 'previous', unread = false) =>
    client
      .request('messages.neighbour', { messageId, direction, unread, sort: listSort, hideIgnored: !showIgnoredThreads, threads: listThreads })
      .then((found) => found.messageId);
  return {
    find,
    afterLeaving: async () => {
      if (closeMessageWindowOnMove) return null;
      // Asked before the message leaves: the store takes it out of the folder the moment the action is applied.
      const next = await find('next').catch(() => null);
      return next ?? (await find('previous').catch(() => null));
    },
  };
}
