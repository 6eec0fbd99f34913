import type { AccountView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import type { SyncProgress as Progress } from '../MailView/use-account-activity';
import './sync-progress.css';

interface SyncProgressProps {
  accounts: AccountView[];
  progress: Map<number, Progress>;
}

/** A bar per syncing account: which folder, how far, in which phase. */
export function SyncProgress({ accounts, progress }: SyncProgressProps) {
  const t = useT();
  const syncing = accounts.flatMap((account) => {
    const update = progress.get(account.id);
    return update ? [{ account, update }] : [];
  });
  if (syncing.length === 0) return null;
  return (
    <div className="sync-progress" data-testid="sync-progress">
      {syncing.map(({ account, update }) => (
        <div key={account.id} className="sync-progress__account">
          <span className="sync-progress__label">
            {accounts.length > 1 && `${account.name} · `}
            {t('sync.progress', { folder: update.folderPath, done: update.done, total: update.total, phase: t(`sync.phase.${update.phase}`) })}
          </span>
          <progress value={update.done} max={Math.max(update.total, 1)} />
        </div>
      ))}
    </div>
  );
}
