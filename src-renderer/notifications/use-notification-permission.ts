import { useSyncExternalStore } from 'react';
import { notificationPermission, onNotificationPermissionChange, type NotificationPermissionState } from './browser-notifications';

/** The browser's notification permission, re-rendering when the user answers the prompt. */
export function useNotificationPermission(): NotificationPermissionState {
  return useSyncExternalStore(onNotificationPermissionChange, notificationPermission);
}
