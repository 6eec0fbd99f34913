import { useState } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n-context';
import { statusHeadline } from '../../i18n/status-words';
import type { AccountStatus } from '../MailView/use-account-activity';
import type { AccountDialogState } from '../AccountDialogs/account-dialog-state';
import { certificateFromError } from '../CertificateDetails/certificate-from-error';
import { ErrorNotice } from '../ErrorNotice';
import { RetrustCertificate } from './retrust-certificate';
import { ProblemButtons } from './problem-buttons';

interface ProblemBannerProps {
  account: AccountView;
  status: AccountStatus;
  onAccountDialog(dialog: AccountDialogState): void;
}

/**
 * One account's problem in a line or two: what happened, beside the buttons that mend it. A changed certificate's
 * details (fingerprint, subject, dates) and its Trust button open under it on demand: shown at once they took half
 * of a small window, leaving the message list a row or two.
 */
export function ProblemBanner({ account, status, onAccountDialog }: ProblemBannerProps) {
  const { t, locale } = useI18n();
  const [detailsOpen, setDetailsOpen] = useState(false);
  const certificate = status.error ? certificateFromError(status.error) : null;
  const detailsToggle = certificate && (
    <button type="button" className="status-banner__toggle" aria-expanded={detailsOpen} onClick={() => setDetailsOpen(!detailsOpen)} data-testid="account-problem-details">
      <span aria-hidden="true">{detailsOpen ? '▾ ' : '▸ '}</span>
      {t('status.certificateDetails')}
    </button>
  );
  return (
    <div className="banner banner--warning status-banner" role="status" data-testid={`account-status-${account.id}`}>
      <div className="status-banner__text">
        <p>{statusHeadline(t, locale, account.name, status)}</p>
        {/* The certificate's fingerprint and server are in its details; said here too, they made the banner three lines longer. */}
        {status.error && <ErrorNotice error={status.error} context="background" headlineOnly={certificate !== null} />}
      </div>
      <ProblemButtons account={account} error={status.error} onAccountDialog={onAccountDialog} first={detailsToggle} />
      {status.error && detailsOpen && <RetrustCertificate accountId={account.id} error={status.error} />}
    </div>
  );
}
