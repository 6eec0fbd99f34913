import type { EventBus } from '../app/event-bus';
import { readSettingsFile, settingsPath, writeSettingsFile } from './settings-file';
import { accountSettings, SettingsPatch, type AccountSettings, type Settings, type SettingsPatchInput, type SettingsView } from './settings-schema';

/**
 * The settings file, held in memory and written on each change. Every change
 * is announced (`settings.changed`) so whoever depends on a setting applies it
 * at once: no restart. Another process (the CLI) may edit the file: `reload`
 * picks that up.
 */
export class SettingsService {
  readonly path: string;
  private current: SettingsView;

  constructor(dataDir: string, private readonly events: EventBus) {
    this.path = settingsPath(dataDir);
    this.current = this.load();
  }

  get(): SettingsView {
    return this.current;
  }

  get settings(): Settings {
    return this.current.settings;
  }

  forAccount(accountId: number): AccountSettings {
    return accountSettings(this.current.settings, accountId);
  }

  /** Merges the patch (validated), writes the file, announces the change. */
  update(patch: SettingsPatchInput): SettingsView {
    const valid = SettingsPatch.parse(patch);
    // Re-read first: the CLI may have written the file since we last looked.
    const base = this.load().settings;
    const accounts = { ...base.accounts };
    for (const [id, fields] of Object.entries(valid.accounts ?? {})) accounts[id] = { ...accountSettings(base, Number(id)), ...fields };
    const next: Settings = { app: { ...base.app, ...valid.app }, accounts };
    writeSettingsFile(this.path, next);
    return this.replace({ settings: next, problems: [], path: this.path });
  }

  /** Forgets a removed account's settings. */
  forgetAccount(accountId: number): void {
    const base = this.load().settings;
    if (!(String(accountId) in base.accounts)) return;
    const { [String(accountId)]: _gone, ...accounts } = base.accounts;
    writeSettingsFile(this.path, { ...base, accounts });
    this.replace({ settings: { ...base, accounts }, problems: [], path: this.path });
  }

  /** Reads the file again (changed by another process) and announces it if it differs. */
  reload(): SettingsView {
    const fresh = this.load();
    if (JSON.stringify(fresh.settings) !== JSON.stringify(this.current.settings)) return this.replace(fresh);
    this.current = fresh;
    return fresh;
  }

  private load(): SettingsView {
    const { settings, problems } = readSettingsFile(this.path);
    return { settings, problems, path: this.path };
  }

  private replace(next: SettingsView): SettingsView {
    const previous = this.current.settings;
    this.current = next;
    this.events.emit('settings.changed', { settings: next.settings, previous });
    return next;
  }
}
