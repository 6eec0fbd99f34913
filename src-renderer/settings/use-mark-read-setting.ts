import { useSyncExternalStore } from 'react';
import { markReadSetting, onMarkReadSettingChange, type MarkReadSetting } from './mark-read-setting';

/** The mark-read setting, re-rendering whoever uses it when it changes. */
export function useMarkReadSetting(): MarkReadSetting {
  return useSyncExternalStore(onMarkReadSettingChange, markReadSetting);
}
