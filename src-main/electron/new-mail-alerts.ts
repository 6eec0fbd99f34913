import { app, Notification, type BrowserWindow } from 'electron';
import type { EventBus } from '../app/event-bus';
import type { Events } from '../ipc/contract';

/** Unread counts move with every synced batch; the badge follows a moment later, not per batch. */
const BADGE_DELAY_MS = 300;

/**
 * The desktop side of new mail: a system notification per `mail.new` (the
 * sender over the subject, no words to translate: "+2" says the rest) and the
 * Inbox unread count on the dock / taskbar badge.
 */
export interface NewMailAlertOptions {
  /** The notifications setting, read at each arrival so a change applies at once. */
  notify?: () => boolean;
  /** Told the unread count with the badge (the tray icon shows it too). */
  onUnread?: (unread: number) => void;
}

export function showNewMailAlerts(events: EventBus, unread: () => number, window: () => BrowserWindow | null, options: NewMailAlertOptions = {}): () => void {
  let badgeTimer: NodeJS.Timeout | undefined;
  const showCount = () => {
    const count = unread();
    app.setBadgeCount(count);
    options.onUnread?.(count);
  };
  const updateBadge = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(showCount, BADGE_DELAY_MS);
  };
  const offMail = events.on('mail.new', (event) => {
    if (options.notify?.() === false || !Notification.isSupported()) return;
    const notification = new Notification(notificationText(event));
    notification.on('click', () => {
      const shown = window();
      if (shown?.isMinimized()) shown.restore();
      shown?.show();
      shown?.focus();
    });
    notification.show();
  });
  const offChanges = events.on('store.changed', updateBadge);
  showCount();
  return () => {
    clearTimeout(badgeTimer);
    offMail();
    offChanges();
  };
}

export function notificationText(event: Events['mail.new']): { title: string; body: string } {
  const [newest] = event.messages;
  const title = newest ? newest.from.name || newest.from.address : '';
  // Counted from every id: the event names only the newest few of a long time away's mail.
  const more = event.ids.length > 1 ? ` (+${event.ids.length - 1})` : '';
  return { title, body: `${newest?.subject ?? ''}${more}` };
}
