import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/app/event-bus';
import type { Events } from '../../../src-main/ipc/contract';
import { parseSettings } from '../../../src-main/settings/parse-settings';
import { readSettingsFile, settingsPath, writeSettingsFile } from '../../../src-main/settings/settings-file';
import { DEFAULT_ACCOUNT_SETTINGS, DEFAULT_APP_SETTINGS } from '../../../src-main/settings/settings-schema';
import { SettingsService } from '../../../src-main/settings/settings-service';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings validation', () => {
  it('fills every field with its default when nothing is saved', () => {
    const { settings, problems } = parseSettings({});
    expect(problems).toEqual([]);
    expect(settings.app).toMatchObject({ theme: 'system', undoSendSeconds: 10, notifications: true, remoteContent: 'allowList', language: null });
  });

  it('keeps the good values of a file and reports each bad or unknown one, replaced by its default', () => {
    const { settings, problems } = parseSettings({
      app: { theme: 'dark', undoSendSeconds: 45, notifications: 'yes', colour: 'blue' },
      accounts: { '3': { checkIntervalMinutes: 0, saveSentCopy: false, bodyDownload: { mode: 'recent', days: 30 }, archiveGranularity: 'weekly' }, abc: {} },
      extra: 1,
    });
    expect(settings.app.theme).toBe('dark');
    expect(settings.app.undoSendSeconds).toBe(DEFAULT_APP_SETTINGS.undoSendSeconds);
    expect(settings.app.notifications).toBe(true);
    expect(settings.accounts['3']).toEqual({ checkIntervalMinutes: DEFAULT_ACCOUNT_SETTINGS.checkIntervalMinutes, saveSentCopy: false, bodyDownload: { mode: 'recent', days: 30 }, archiveGranularity: 'single', replyPosition: 'above' });
    expect(settings.accounts).not.toHaveProperty('abc');
    expect(problems.map((p) => p.split(':')[0])).toEqual(['app.undoSendSeconds', 'app.notifications', 'app.colour', 'accounts.3.checkIntervalMinutes', 'accounts.3.archiveGranularity', 'accounts.abc', 'extra']);
  });

  it('lower-cases senders on the remote content allow list and refuses what is not an address', () => {
    expect(parseSettings({ app: { remoteContentSenders: ['News@Example.COM'] } }).settings.app.remoteContentSenders).toEqual(['news@example.com']);
    expect(parseSettings({ app: { remoteContentSenders: ['not an address'] } }).problems).toHaveLength(1);
  });

  it('reads a file that is not JSON as the defaults, with the reason, without throwing', () => {
    writeFileSync(settingsPath(dir), '{ "app": { "theme": "dark", ');
    const { settings, problems } = readSettingsFile(settingsPath(dir));
    expect(settings.app).toEqual(DEFAULT_APP_SETTINGS);
    expect(problems[0]).toMatch(/not valid JSON/);
  });

  it('gives the defaults with no problem when there is no file yet', () => {
    expect(readSettingsFile(settingsPath(dir)).problems).toEqual([]);
  });
});

describe('writing the settings file', () => {
  it('replaces the file whole through a temp file and leaves no temp file behind', () => {
    const path = settingsPath(dir);
    writeFileSync(path, 'old');
    writeSettingsFile(path, { app: { ...DEFAULT_APP_SETTINGS, theme: 'dark' }, accounts: {} });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 1, app: { theme: 'dark' } });
  });

  it('keeps the old file when the write fails (the folder is gone), and says why', () => {
    const path = join(dir, 'missing', 'settings.json');
    expect(() => writeSettingsFile(path, { app: DEFAULT_APP_SETTINGS, accounts: {} })).toThrow(/ENOENT/);
  });
});

describe('the settings service', () => {
  it('merges an update, writes it and announces old and new settings', () => {
    const events = new EventBus();
    const seen: Events['settings.changed'][] = [];
    events.on('settings.changed', (e) => seen.push(e));
    const service = new SettingsService(dir, events);
    service.update({ app: { theme: 'dark' }, accounts: { '2': { checkIntervalMinutes: 1 } } });
    service.update({ app: { undoSendSeconds: 0 } });
    const reread = new SettingsService(dir, new EventBus()).settings;
    expect(reread.app).toMatchObject({ theme: 'dark', undoSendSeconds: 0 });
    expect(reread.accounts['2']).toEqual({ ...DEFAULT_ACCOUNT_SETTINGS, checkIntervalMinutes: 1 });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.previous.app.undoSendSeconds).toBe(10);
    expect(seen[1]!.settings.app.undoSendSeconds).toBe(0);
  });

  it('refuses an invalid update as a whole and keeps the file as it was', () => {
    const service = new SettingsService(dir, new EventBus());
    service.update({ app: { theme: 'light' } });
    expect(() => service.update({ app: { theme: 'light', undoSendSeconds: 31 } })).toThrow();
    expect(() => service.update({ app: { font: 'x' } } as never)).toThrow();
    expect(new SettingsService(dir, new EventBus()).settings.app).toMatchObject({ theme: 'light', undoSendSeconds: 10 });
  });

  it('picks up a change another process wrote, and forgets a removed account', () => {
    const events = new EventBus();
    let changes = 0;
    events.on('settings.changed', () => changes++);
    const app = new SettingsService(dir, events);
    new SettingsService(dir, new EventBus()).update({ app: { language: 'zh' }, accounts: { '5': { saveSentCopy: false } } });
    expect(app.reload().settings.app.language).toBe('zh');
    expect(app.reload().settings.app.language).toBe('zh');
    expect(changes).toBe(1);
    app.forgetAccount(5);
    expect(new SettingsService(dir, new EventBus()).settings.accounts).toEqual({});
  });
});
