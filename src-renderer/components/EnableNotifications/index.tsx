import { useClient } from '../../client/client-context';
import { useT } from '../../i18n/i18n-context';
import { askNotificationPermission } from '../../notifications/browser-notifications';
import { useNotificationPermission } from '../../notifications/use-notification-permission';

/** Web mode: "Enable notifications" until the user answers the browser's question; never asked unprompted. */
export function EnableNotifications() {
  const client = useClient();
  const t = useT();
  const permission = useNotificationPermission();
  if (client.mode !== 'web' || permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') return <span className="enable-notifications__blocked">{t('notify.blocked')}</span>;
  return (
    <button type="button" title={t('notify.enableHint')} onClick={() => void askNotificationPermission()} data-testid="enable-notifications">
      {t('notify.enable')}
    </button>
  );
}
