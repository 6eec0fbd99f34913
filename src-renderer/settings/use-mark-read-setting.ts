import type { AppSettings } from '../../src-main/ipc/contract';
import { useSettings } from './settings-context';

export type MarkReadSetting = AppSettings['markRead'];

/** When an opened message counts as read: the app setting in settings.json, live as it changes. */
export function useMarkReadSetting(): MarkReadSetting {
  return useSettings().settings.app.markRead;
}
