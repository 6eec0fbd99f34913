/**
 * The browser's Notification API, for the web mode (the Electron app notifies
 * from its main process). Permission is only ever asked for from a click:
 * browsers ignore, and users resent, a prompt that comes with the page.
 */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();

export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askNotificationPermission(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  await Notification.requestPermission();
  listeners.forEach((listener) => listener());
}

export function onNotificationPermissionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows a notification if the user allowed them; clicking it brings the Wren tab forward. */
export function notify(title: string, body: string, tag: string): void {
  if (notificationPermission() !== 'granted') return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => window.focus();
}
