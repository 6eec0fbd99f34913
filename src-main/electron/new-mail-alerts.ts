import { app, Notification, type BrowserWindow } from 'electron';
import type { EventBus } from '../app/event-bus';
import type { Events } from '../ipc/contract';

/** Unread counts move with every synced batch; the badge follows a moment later, not per batch. */
const BADGE_DELAY_MS = 300;
/**
 * A sync announces each folder apart: after a long time away, mail in many folders comes as a burst of
 * events. The first is shown at once; the rest of the burst ends it, replaced by one that counts them all.
 */
const BURST_MS = 1_000;

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
  const offMail = notifyArrivals(events, window, options);
  const offChanges = events.on('store.changed', updateBadge);
  showCount();
  return () => {
    clearTimeout(badgeTimer);
    offMail();
    offChanges();
  };
}

/** A system notification per arrival, a burst of them (many folders at once) ending as one. */
function notifyArrivals(events: EventBus, window: () => BrowserWindow | null, options: NewMailAlertOptions): () => void {
  const show = (event: Events['mail.new']): Notification => {
    const notification = new Notification(notificationText(event));
    notification.on('click', () => {
      const shown = window();
      if (shown?.isMinimized()) shown.restore();
      shown?.show();
      shown?.focus();
    });
    notification.show();
    return notification;
  };
  let burst: { events: Events['mail.new'][]; shown: Notification; timer: NodeJS.Timeout } | null = null;
  const endBurst = () => {
    const ended = burst;
    burst = null;
    if (!ended || ended.events.length < 2 || options.notify?.() === false) return;
    ended.shown.close();
    show(gathered(ended.events));
  };
  const off = events.on('mail.new', (event) => {
    if (options.notify?.() === false || !Notification.isSupported()) return;
    if (burst) burst.events.push(event);
    else burst = { events: [event], shown: show(event), timer: setTimeout(endBurst, BURST_MS) };
  });
  return () => {
    clearTimeout(burst?.timer);
    off();
  };
}

export function notificationText(event: Events['mail.new']): { title: string; body: string } {
  const [newest] = event.messages;
  const title = newest ? newest.from.name || newest.from.address : '';
  // Counted from every id: the event names only the newest few of a long time away's mail.
  const more = event.ids.length > 1 ? ` (+${event.ids.length - 1})` : '';
  return { title, body: `${newest?.subject ?? ''}${more}` };
}

/** A burst's events as one: the latest folder's newest message named, every message counted. */
function gathered(burst: Events['mail.new'][]): Events['mail.new'] {
  const newestFirst = [...burst].reverse();
  return { ...newestFirst[0]!, ids: newestFirst.flatMap((event) => event.ids), messages: newestFirst.flatMap((event) => event.messages) };
}
