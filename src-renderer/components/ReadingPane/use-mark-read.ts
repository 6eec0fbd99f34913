import { useEffect, useRef } from 'react';
import { useClient } from '../../client/client-context';
import { useMarkReadSetting } from '../../settings/use-mark-read-setting';

/**
 * Marks the open message read as the user's setting says: at once, after a
 * delay, or never. The pane is keyed by message, so leaving the message
 * before the delay ends (arrow keys through the list) cancels it. Once the
 * open message has been read (by this, or by hand from the toolbar, or
 * elsewhere), the automatic marking stands down: a message then marked
 * unread stays unread.
 */
export function useMarkRead(messageId: number, shown: boolean, seen: boolean, onMarked: () => void): void {
  const client = useClient();
  const setting = useMarkReadSetting();
  const settled = useRef(false);
  const latestOnMarked = useRef(onMarked);
  useEffect(() => {
    latestOnMarked.current = onMarked;
  });

  useEffect(() => {
    if (shown && seen) settled.current = true;
    if (!shown || seen || settled.current || setting.mode === 'never') return;
    const mark = () => {
      settled.current = true;
      // A failure here is only a missed convenience; the button still offers to mark it by hand.
      client.request('messages.setFlags', { messageId, seen: true }).then(() => latestOnMarked.current(), () => undefined);
    };
    if (setting.mode === 'opened') {
      mark();
      return;
    }
    const timer = setTimeout(mark, setting.delaySeconds * 1000);
    return () => clearTimeout(timer);
  }, [client, messageId, shown, seen, setting.mode, setting.delaySeconds]);
}
