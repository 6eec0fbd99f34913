import { useEffect, useState } from 'react';
import { messageWindowHash, type AccountView, type FolderRole, type FolderView, type MessageSummary, type OpenedMessage } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useT } from '../../i18n/i18n-context';
import { useShortcuts } from '../../shortcuts/use-shortcuts';
import { ComposeProvider } from '../Composer/compose-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { ErrorNotice } from '../ErrorNotice';
import { ReadingPane } from '../ReadingPane';
import { ShortcutHelp } from '../ShortcutHelp';
import { Spinner } from '../Spinner';
import { ToastList } from '../Toasts';
import { ToastProvider } from '../Toasts/toast-context';
import { MessageWindowToolbar } from './message-window-toolbar';
import { useOpenedMessage } from './use-opened-message';
import { MESSAGE_WINDOW_SHORTCUTS, useOpenedMessageCommands, type LeftHow } from './use-opened-message-commands';
import { FolderPicker } from '../FolderPicker';
import './message-window.css';

/**
 * A message in a window of its own (a double click on it, or Open in New
 * Window): its headers, body and attachments as the reading pane shows them,
 * and what can be done to one message. Next and Previous show the folder's
 * other messages here; the address follows, so a reload shows the one shown.
 * Its composer is its own, remembered apart from the main window's (composer-state.ts).
 */
export function MessageWindow({ opened, accounts }: { opened: OpenedMessage; accounts: AccountView[] }) {
  const [shown, setShown] = useState(opened);
  const go = (messageId: number) => {
    const next = { messageId, accountId: shown.accountId };
    window.history.replaceState(null, '', messageWindowHash(next));
    setShown(next);
  };
  return (
    <ToastProvider>
      <ComposeProvider accounts={accounts} takesMailto={false}>
        {/* Keyed by the message: another one starts afresh (its summary, its folder, a picker left open). */}
        <OpenedMessageView key={shown.messageId} opened={shown} accounts={accounts} onGo={go} />
      </ComposeProvider>
      <ToastList />
    </ToastProvider>
  );
}

function OpenedMessageView({ opened, accounts, onGo }: { opened: OpenedMessage; accounts: AccountView[]; onGo(messageId: number): void }) {
  const t = useT();
  const { summary, error, folderRole, folders, reload } = useOpenedMessage(opened, accounts.map((account) => account.id));
  const [left, setLeft] = useState<LeftHow | null>(null);
  useEffect(() => {
    document.title = summary ? `${summary.subject || t('messages.noSubject')} · Wren` : 'Wren';
  }, [summary, t]);
  if (left || error?.code === 'NotFound') return <MessageGone how={left ?? 'gone'} />;
  if (!summary) return <MessagePending error={error} onRetry={reload} />;
  return <OpenedMessageBody message={summary} folderRole={folderRole} folders={folders} accountId={opened.accountId} accounts={accounts} onLeft={setLeft} onGo={onGo} />;
}

interface OpenedMessageBodyProps {
  message: MessageSummary;
  folderRole: FolderRole | null;
  folders: FolderView[];
  accountId: number | null;
  /** Head each account's folders in the folder picker. */
  accounts: AccountView[];
  onLeft(how: LeftHow): void;
  onGo(messageId: number): void;
}

function OpenedMessageBody({ message, folderRole, folders, accountId, accounts, onLeft, onGo }: OpenedMessageBodyProps) {
  const t = useT();
  const [findAsked, setFindAsked] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const commands = useOpenedMessageCommands({ message, accountId, folderRole, onLeft, onGo, openFind: () => setFindAsked((asked) => asked + 1), openHelp: () => setHelpOpen(true) });
  useShortcuts(commands.runShortcut);
  return (
    <div className="message-window" data-testid="message-window">
      <MessageWindowToolbar message={message} commands={commands} inTrash={folderRole === 'trash'} />
      {/* Keyed by the message's folder too: one moved meanwhile (Archive elsewhere) is read again from where it is. */}
      <ReadingPane key={message.folderId} message={message} accountId={accountId} findAsked={findAsked} />
      {commands.askForGood && (
        <ConfirmDialog
          title={t('deleteForever.title')}
          text={t('messageWindow.deleteForeverText')}
          confirmLabel={t('deleteForever.confirm')}
          onConfirm={commands.askForGood.confirm}
          onClose={commands.askForGood.cancel}
        />
      )}
      {commands.picking && (
        <FolderPicker
          title={t(commands.picking.kind === 'move' ? 'picker.move' : 'picker.copy')}
          folders={folders}
          groupLabel={(groupAccountId) => (groupAccountId === null ? t('folders.local') : (accounts.find((account) => account.id === groupAccountId)?.name ?? ''))}
          excludeId={commands.picking.kind === 'move' ? message.folderId : null}
          onPick={commands.picking.choose}
          onClose={commands.picking.cancel}
        />
      )}
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} working={MESSAGE_WINDOW_SHORTCUTS} />}
    </div>
  );
}

function MessagePending({ error, onRetry }: { error: ErrorShape | null; onRetry(): void }) {
  const t = useT();
  if (!error) {
    return (
      <p className="message-window__note">
        <Spinner />
        {t('reading.loading')}
      </p>
    );
  }
  return (
    <div className="message-window__note">
      <ErrorNotice error={error} />
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

/** Deleted or archived here, or moved or deleted elsewhere (the main window, a filter, another device). */
function MessageGone({ how }: { how: LeftHow | 'gone' }) {
  const t = useT();
  const words = { deleted: t('messageWindow.deleted'), archived: t('messageWindow.archived'), moved: t('messageWindow.moved'), gone: t('messageWindow.gone') }[how];
  return (
    <div className="message-window__note" role="status" data-testid="message-window-gone">
      <p>{words}</p>
      <button type="button" onClick={() => window.close()}>
        {t('messageWindow.close')}
      </button>
    </div>
  );
}
