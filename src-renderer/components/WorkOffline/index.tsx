import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';

/**
 * Thunderbird's Work Offline, as a toggle in the toolbar: pressed, Wren connects to no server (the
 * core refuses every login) until it is pressed again, which syncs every account and sends what waits.
 * Its name stays the same pressed or not (a screen reader says "Work offline, pressed"); the banner
 * offers "Go online" in words.
 */
export function WorkOfflineToggle() {
  const t = useT();
  const { settings, update } = useSettings();
  const offline = settings.app.workOffline;
  return (
    <button
      type="button"
      aria-pressed={offline}
      className={offline ? 'toolbar__toggle toolbar__toggle--on' : 'toolbar__toggle'}
      title={t(offline ? 'workOffline.goOnlineTitle' : 'workOffline.title')}
      onClick={() => void update({ app: { workOffline: !offline } })}
      data-testid="work-offline"
    >
      {t('workOffline.label')}
    </button>
  );
}

/** One banner while working offline, in place of each account's "offline" one: what waits, and the way back. */
export function WorkOfflineBanner() {
  const t = useT();
  const { settings, update } = useSettings();
  if (!settings.app.workOffline) return null;
  return (
    <div className="banner banner--warning status-banner" role="status" data-testid="work-offline-banner">
      <p>{t('workOffline.banner')}</p>
      <button type="button" onClick={() => void update({ app: { workOffline: false } })} data-testid="work-offline-go-online">
        {t('workOffline.goOnline')}
      </button>
    </div>
  );
}
