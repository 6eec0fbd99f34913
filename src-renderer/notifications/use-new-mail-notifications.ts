import { useClient } from '../client/client-context';
import { useClientEvent } from '../hooks/use-client-event';
import { useT } from '../i18n/i18n-context';
import { useSettings } from '../settings/settings-context';
import { notify } from './browser-notifications';
import { newMailWords } from './new-mail-words';

/** Web mode: a desktop notification for each `mail.new`, once the user allowed them. */
export function useNewMailNotifications(): void {
  const client = useClient();
  const t = useT();
  const { settings } = useSettings();
  useClientEvent('mail.new', (event) => {
    // The Electron app shows its own notification from the main process.
    if (client.mode !== 'web' || !settings.app.notifications) return;
    const { title, body } = newMailWords(event, t);
    notify(title, body, `wren-${event.accountId}-${event.folderId}`);
  });
}
