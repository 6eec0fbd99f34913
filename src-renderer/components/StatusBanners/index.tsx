import type { AccountView } from '../../../src-main/ipc/contract';
import { formatTime } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';
import type { AccountStatus } from '../MailView/use-account-activity';
import { ErrorNotice } from '../ErrorNotice';
import './status-banners.css';

interface StatusBannersProps {
  accounts: AccountView[];
  statuses: Map<number, AccountStatus>;
}

/** One banner per account that is offline or failing, with the reason and when Wren retries. */
export function StatusBanners({ accounts, statuses }: StatusBannersProps) {
  const { t, locale } = useI18n();
  const troubled = accounts.filter((account) => {
    const state = statuses.get(account.id)?.state;
    return state === 'offline' || state === 'error';
  });
  return (
    <>
      {troubled.map((account) => {
        const status = statuses.get(account.id);
        if (!status) return null;
        const headline = status.state === 'offline' ? t('status.offline', { account: account.name }) : t('status.error', { account: account.name });
        return (
          <div key={account.id} className="banner banner--warning status-banner" role="status" data-testid={`account-status-${account.id}`}>
            <p>
              {headline}
              {status.retryAt !== null && ` ${t('status.retryingAt', { time: formatTime(status.retryAt, locale) })}`}
            </p>
            {status.error && <ErrorNotice error={status.error} />}
          </div>
        );
      })}
    </>
  );
}
