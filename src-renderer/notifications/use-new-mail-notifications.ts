import { useRef } from 'react';
import type { Events } from '../../src-main/ipc/contract';
import { gatherArrivals } from './gather-arrivals';
import { useClient } from '../client/client-context';
import { useClientEvent } from '../hooks/use-client-event';
import { useT } from '../i18n/i18n-context';
import { useSettings } from '../settings/settings-context';
import { notify } from './browser-notifications';
import { newMailWords } from './new-mail-words';

/** Arrivals this close together (a sync after a long time away, one event per folder) are one burst. */
const BURST_MS = 1_000;

/**
 * Web mode: a desktop notification for each `mail.new`, once the user allowed them. Each event of a
 * burst shows the sum so far under the burst's first tag, so the system replaces rather than stacks.
 */
export function useNewMailNotifications(): void {
  const client = useClient();
  const t = useT();
  const { settings } = useSettings();
  const burst = useRef<{ events: Events['mail.new'][]; until: number } | null>(null);
  useClientEvent('mail.new', (event) => {
    // The Electron app shows its own notification from the main process.
    if (client.mode !== 'web' || !settings.app.notifications) return;
    const now = Date.now();
    if (!burst.current || now > burst.current.until) burst.current = { events: [], until: now + BURST_MS };
    const { events } = burst.current;
    events.push(event);
    const { title, body } = newMailWords(gatherArrivals(events), t);
    notify(title, body, `wren-${events[0]!.accountId}-${events[0]!.folderId}`);
  });
}
