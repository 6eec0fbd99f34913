import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ErrorShape } from '../../src-main/errors/error-codes';
import { accountSettings, DEFAULT_APP_SETTINGS, type Settings, type SettingsPatchInput } from '../../src-main/ipc/contract';
import { useClient } from '../client/client-context';
import { toErrorShape, type WrenClient } from '../client/wren-client';
import { useClientEvent, useOnReconnect } from '../hooks/use-client-event';
import { forgetLegacyMarkRead, legacyMarkRead } from './legacy-mark-read';

interface SettingsState {
  settings: Settings;
  /** What was wrong in the settings file, as the core reported it. */
  problems: string[];
  /** The last update the core refused, if any. */
  error: ErrorShape | null;
  /** The core's settings have arrived (or it has none to give): until then `settings` are the defaults. */
  loaded: boolean;
  update(patch: SettingsPatchInput): Promise<void>;
}

const DEFAULT_SETTINGS: Settings = { app: DEFAULT_APP_SETTINGS, accounts: {} };
const SettingsContext = createContext<SettingsState | null>(null);

/** The shape of a patch applied over settings, as the core does (each field replaced whole). */
function merged(settings: Settings, patch: SettingsPatchInput): Settings {
  const accounts = { ...settings.accounts };
  for (const [id, fields] of Object.entries(patch.accounts ?? {})) accounts[id] = { ...accountSettings(settings, Number(id)), ...fields } as Settings['accounts'][string];
  return { app: { ...settings.app, ...patch.app } as Settings['app'], accounts };
}

/**
 * Before settings.json had it, the mark-read choice lived in this browser's
 * storage: once the core answers, such a value is written into settings.json
 * (arriving back as settings.changed) and dropped here, so it moves only once.
 */
async function carryOverMarkRead(client: WrenClient): Promise<Settings | null> {
  const markRead = legacyMarkRead();
  if (!markRead) return null;
  const view = await client.request('settings.update', { app: { markRead } });
  forgetLegacyMarkRead();
  return view.settings;
}

/**
 * The core's settings (settings.json), kept current: every change, from this
 * window, another window or the CLI, arrives as `settings.changed` and is
 * applied at once. Until they arrive the defaults hold.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [loaded, setLoaded] = useState(false);
  // Changes sent and not answered yet. The core applies them in order, so an answer or an event can be of an older
  // state than what is shown (fold, then unfold at once: the fold's answer arrives after the unfold was shown); the
  // changes still on their way are laid over it, so what the user did last is what stays shown.
  const pending = useRef<SettingsPatchInput[]>([]);
  const withPending = useCallback((saved: Settings) => pending.current.reduce(merged, saved), []);
  const load = useCallback(() => {
    client.request('settings.get', {}).then(
      (view) => {
        setSettings(withPending(view.settings));
        setProblems(view.problems);
        setLoaded(true);
        carryOverMarkRead(client).then((carried) => carried && setSettings(carried), () => undefined);
      },
      () => setLoaded(true), // An older core, or none yet: the defaults stand.
    );
  }, [client, withPending]);
  useEffect(load, [load]);
  useOnReconnect(load);
  useClientEvent('settings.changed', (event) => setSettings(withPending(event.settings)));
  const update = useCallback(
    async (patch: SettingsPatchInput) => {
      // Shown at once; the core's answer (or its event) confirms it, a refusal puts the saved settings back.
      pending.current = [...pending.current, patch];
      setSettings((current) => merged(current, patch));
      const settle = () => {
        pending.current = pending.current.filter((each) => each !== patch);
      };
      try {
        const view = await client.request('settings.update', patch);
        settle();
        setSettings(withPending(view.settings));
        setError(null);
      } catch (failure) {
        settle();
        setError(toErrorShape(failure));
        load();
      }
    },
    [client, load, withPending],
  );
  const value = useMemo(() => ({ settings, problems, error, loaded, update }), [settings, problems, error, loaded, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings() needs a <SettingsProvider> above it');
  return state;
}
