import type { AccountView } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n-context';
import { statusHeadline } from '../../i18n/status-words';
import type { AccountStatus } from '../MailView/use-account-activity';
import { isTroubled } from '../StatusBanners/account-problem';

/**
 * A small warning sign after a failing account's name, its problem as the tooltip, as Thunderbird marks an account
 * whose login failed: the banner above says it once, the mark keeps saying which account it is while the user reads.
 */
export function AccountProblemMark({ account, status }: { account: AccountView; status: AccountStatus | undefined }) {
  const { t, locale, errorWords } = useI18n();
  if (!isTroubled(status)) return null;
  const reason = status.error ? (errorWords(status.error, 'background')[0] ?? '') : '';
  const words = [statusHeadline(t, locale, account.name, status), reason].filter(Boolean).join(' ');
  return (
    <span className="folder-tree__account-problem" role="img" aria-label={words} title={words} data-testid="account-problem">
      ⚠
    </span>
  );
}
