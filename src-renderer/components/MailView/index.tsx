import type { AccountView } from '../../../src-main/ipc/contract';
import { FolderTree } from '../FolderTree';
import { MessageList } from '../MessageList';
import { ReadingPane } from '../ReadingPane';
import { StatusBanners } from '../StatusBanners';
import { SyncProgress } from '../SyncProgress';
import { Toolbar } from '../Toolbar';
import { useAccountActivity } from './use-account-activity';
import { useAccountFolders } from './use-account-folders';
import { useMailSelection } from './use-mail-selection';
import { useUnreadTitle } from './use-unread-title';
import { useNewMailNotifications } from '../../notifications/use-new-mail-notifications';
import './mail-view.css';

/** The main window: folders, the open folder's messages, the open message. */
export function MailView({ accounts }: { accounts: AccountView[] }) {
  const foldersByAccount = useAccountFolders(accounts);
  const selection = useMailSelection(accounts, foldersByAccount);
  const activity = useAccountActivity(accounts);
  useUnreadTitle(foldersByAccount);
  useNewMailNotifications();

  return (
    <div className="mail-view" data-testid="mail-view">
      <Toolbar />
      <StatusBanners accounts={accounts} statuses={activity.statuses} />
      <SyncProgress accounts={accounts} progress={activity.progress} />
      <div className="mail-view__panes">
        <FolderTree
          accounts={accounts}
          foldersByAccount={foldersByAccount}
          selectedFolderId={selection.folder?.id ?? null}
          onSelect={selection.selectFolder}
        />
        <MessageList folder={selection.folder} selectedMessageId={selection.message?.id ?? null} onSelect={selection.selectMessage} />
        <ReadingPane message={selection.message} accountId={selection.folder?.accountId ?? null} />
      </div>
    </div>
  );
}
