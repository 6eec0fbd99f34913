import type { AccountView } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n-context';
import type { AccountStatus } from '../MailView/use-account-activity';
import type { AccountDialogState } from '../AccountDialogs/account-dialog-state';
import { ErrorNotice } from '../ErrorNotice';
import { isTroubled } from './account-problem';
import { ProblemBanner } from './problem-banner';
import './status-banners.css';

interface StatusBannersProps {
  accounts: AccountView[];
  statuses: Map<number, AccountStatus>;
  /** The account's dialogs (the folder pane's), to mend a problem from its banner. */
  onAccountDialog(dialog: AccountDialogState): void;
}

/**
 * One banner per account that is offline or failing, with the reason and when
 * Wren retries. These accounts worked before, so the reason is worded for the
 * background, not as setup advice, with the way to mend it (a new password, the account's settings, another try).
 */
export function StatusBanners({ accounts, statuses, onAccountDialog }: StatusBannersProps) {
  const { warningWords } = useI18n();
  // Working offline is said once for all accounts (WorkOfflineBanner, beside these), not once each.
  const troubled = accounts.filter((account) => isTroubled(statuses.get(account.id)));
  return (
    <>
      {troubled.map((account) => {
        const status = statuses.get(account.id);
        return status ? <ProblemBanner key={account.id} account={account} status={status} onAccountDialog={onAccountDialog} /> : null;
      })}
      {accounts.map((account) => {
        const warnings = statuses.get(account.id)?.warnings ?? [];
        const folderErrors = statuses.get(account.id)?.folderErrors ?? [];
        if ((warnings.length === 0 && folderErrors.length === 0) || troubled.includes(account)) return null;
        return (
          <div key={`warnings-${account.id}`} className="banner banner--warning status-banner" role="status" data-testid={`account-warnings-${account.id}`}>
            <p>{account.name}</p>
            {warnings.map((warning) => <p key={warning}>{warningWords(warning)}</p>)}
            {folderErrors.map(({ path, error }) => <ErrorNotice key={path} error={error} context="background" />)}
          </div>
        );
      })}
    </>
  );
}
