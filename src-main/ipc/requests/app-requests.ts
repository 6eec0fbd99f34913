/** The app itself, sync runs and settings. */
import { z } from 'zod';
import { SettingsPatch, type SettingsView } from '../../settings/settings-schema';
import { type SyncRunResult, type SyncSummary } from '../account-shapes';
import { byAccount, empty, id, request } from './request-shape';

export const appRequests = {
  'app.info': request<{ version: string; mode: 'electron' | 'web' | 'cli'; dataDir: string }>()(empty),
  'sync.start': request<{ started: number[] }>()(
    z.object({ accountId: id.optional(), bodies: z.boolean().default(false) }).strict(),
  ),
  /**
   * Syncs (every account, or one) and waits for the outcome; a failed account is reported, not thrown (the CLI).
   * `replayOnly`: only sends the queued operations (no folder pass), as after `wren move`.
   */
  'sync.run': request<SyncRunResult>()(
    z.object({ accountId: id.optional(), bodies: z.boolean().default(false), replayOnly: z.boolean().default(false) }).strict(),
  ),
  /** Syncs the account, then keeps its Inbox pushed (IDLE) until the core stops (`wren watch`); gives the first sync's summary. */
  'sync.watch': request<SyncSummary>()(byAccount),
  /** The settings file (settings.json in the data folder) and what was wrong in it. */
  'settings.get': request<SettingsView>()(empty),
  /** Changes some settings; they take effect at once (`settings.changed`). */
  'settings.update': request<SettingsView>()(SettingsPatch),
} as const;
