import { accountSettings, DEFAULT_APP_SETTINGS, SettingsPatch, type AppSettings, type Settings, type SettingsPatchInput } from '../../../src-main/ipc/contract';
import type { Handlers } from './fake-client';
import { ACCOUNT, FOLDERS, MESSAGE, SUMMARY } from './mail-fixtures';

/** A core whose settings behave like the real service's: validated patches merged over what is saved. */
export function settingsCore(initial: Partial<AppSettings> = {}): { handlers: Handlers; saved: () => Settings } {
  let settings: Settings = { app: { ...DEFAULT_APP_SETTINGS, ...initial }, accounts: {} };
  const handlers: Handlers = {
    'accounts.list': () => [ACCOUNT],
    'folders.list': () => FOLDERS,
    'messages.list': () => ({ total: 1, items: [SUMMARY] }),
    'messages.read': () => MESSAGE,
    'sync.start': () => ({ started: [1] }),
    'settings.get': () => ({ settings, problems: [], path: '/data/settings.json' }),
    'settings.update': (patch: SettingsPatchInput) => {
      const valid = SettingsPatch.parse(patch);
      const accounts = { ...settings.accounts };
      for (const [id, fields] of Object.entries(valid.accounts ?? {})) accounts[id] = { ...accountSettings(settings, Number(id)), ...fields };
      settings = { app: { ...settings.app, ...valid.app }, accounts };
      return { settings, problems: [], path: '/data/settings.json' };
    },
  };
  return { handlers, saved: () => settings };
}

