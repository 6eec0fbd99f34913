import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import type { AccountFolders } from '../MailView/use-account-folders';
import type { SyncProgress as Progress } from '../MailView/use-account-activity';
import './sync-progress.css';

interface SyncProgressProps {
  accounts: AccountView[];
  progress: Map<number, Progress>;
  /** The accounts' folders as the sidebar has them: a folder is named here as it is there. */
  folders: Map<number, AccountFolders>;
}

/** A bar per syncing account: which folder, how far, in which phase. */
export function SyncProgress({ accounts, progress, folders }: SyncProgressProps) {
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
            {t('sync.progress', { folder: folderName(update, folders.get(account.id)?.folders, t), done: update.done, total: update.total, phase: t(`sync.phase.${update.phase}`) })}
          </span>
          <progress value={update.done} max={Math.max(update.total, 1)} />
        </div>
      ))}
    </div>
  );
}

/** The synced folder by its sidebar name ("INBOX" → "Inbox"); one not listed yet (a first sync) by its path. */
function folderName(update: Progress, folders: FolderView[] | null | undefined, t: Translate): string {
  if (!update.folderPath) return '';
  const folder = folders?.find((candidate) => candidate.path === update.folderPath);
  return folderDisplayName(folder ?? { role: null, name: update.folderPath }, t);
}
