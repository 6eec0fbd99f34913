import { useEffect, useRef } from 'react';
import type { AccountView } from '../../src-main/ipc/contract';
import { useClient } from '../client/client-context';
import { useT } from '../i18n/i18n-context';
import { useSettings } from '../settings/settings-context';
import { quotaReading } from '../components/QuotaMeter/quota-level';
import { useToasts } from '../components/Toasts/toast-context';
import { notify } from './browser-notifications';

/** An alert stays up until dismissed: it asks the user to do something before mail is refused. */
const ALERT_MS = 60_000;

/**
 * Thunderbird's quota alert: once an account's mailbox on the server reaches the critical level (95%), the
 * window says so once, in a toast that names the account and what to do, and on the desktop in web mode when
 * notifications are allowed (the Electron app's own notifications are for new mail). Said again only after
 * the mailbox went below that level and came back, or in a new session.
 */
export function useQuotaAlerts(accounts: AccountView[]): void {
  const client = useClient();
  const t = useT();
  const toasts = useToasts();
  const { settings } = useSettings();
  const alerted = useRef(new Set<number>());
  useEffect(() => {
    for (const account of accounts) {
      const reading = account.quota ? quotaReading(account.quota) : null;
      if (reading?.level !== 'critical') {
        alerted.current.delete(account.id);
        continue;
      }
      if (alerted.current.has(account.id)) continue;
      alerted.current.add(account.id);
      const values = { account: account.email, percent: Math.round(reading.fraction * 100) };
      toasts.show({ tone: 'error', lines: [{ key: 'quota.alert', values }], lifetimeMs: ALERT_MS });
      if (client.mode === 'web' && settings.app.notifications) notify(t('quota.alertTitle', values), t('quota.critical'), `wren-quota-${account.id}`);
    }
  }, [accounts, client, t, toasts, settings.app.notifications]);
}
