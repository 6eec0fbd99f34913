import { useEffect, useState } from 'react';
import { openedMessageOf, type AccountView, type OpenedMessage } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { useRequest } from '../../hooks/use-request';
import { useT } from '../../i18n/i18n-context';
import { ConnectionBanner } from '../ConnectionBanner';
import { ErrorNotice } from '../ErrorNotice';
import { FirstRunSetup } from '../FirstRunSetup';
import { MailView } from '../MailView';
import { MessageWindow } from '../MessageWindow';
import { Spinner } from '../Spinner';
import { useAppliedSettings } from '../../settings/use-applied-settings';
import './app.css';

/** The first run asks for an account; every later run opens the mail, or, in a window of its own, one message. */
export function App() {
  const client = useClient();
  const [opened] = useState(() => openedMessageOf(window.location.hash));
  useAppliedSettings();
  const accounts = useRequest('accounts.list', {});
  // With no account, mail kept in Local Folders (a removed POP3 account's) still opens the mail, not the set-up.
  const localFolders = useRequest('folders.list', accounts.data?.length === 0 ? { accountId: null } : null);
  const localMail = localFolders.data?.some((folder) => folder.total > 0) ?? false;
  const noAccount = accounts.data?.length === 0;
  const localPending = noAccount && localFolders.data === null && !localFolders.error;
  // Once shown, the mail view stays while the Local Folders are looked at after the last account went: its toast says where that mail went.
  const [showedMail, setShowedMail] = useState(false);
  const view = viewOf(accounts.data, opened, { localPending: localPending && !showedMail, setup: noAccount && !localPending && !localMail });
  useEffect(() => {
    if (view.kind === 'mail') setShowedMail(true);
  }, [view.kind]);
  useClientEvent('store.changed', ({ changes }) => {
    if (changes.some((change) => change.entity === 'accounts')) accounts.reload();
  });
  useOnReconnect(accounts.reload);

  const startSyncing = (account: AccountView) => {
    accounts.reload();
    // The first sync fills the folder list; if one is already running the core says so, and that is fine.
    client.request('sync.start', { accountId: account.id }).catch(() => {});
  };

  return (
    <div className="app">
      <ConnectionBanner />
      {view.kind === 'pending' ? (
        <AccountsPending error={accounts.error} onRetry={accounts.reload} />
      ) : view.kind === 'message' ? (
        <MessageWindow opened={view.opened} accounts={view.accounts} />
      ) : view.kind === 'setup' ? (
        <FirstRunSetup onSaved={startSyncing} />
      ) : (
        <MailView accounts={view.accounts} />
      )}
    </div>
  );
}

type AppView =
  | { kind: 'pending' }
  | { kind: 'setup' }
  | { kind: 'message'; opened: OpenedMessage; accounts: AccountView[] }
  | { kind: 'mail'; accounts: AccountView[] };

/** What the window shows: a message's own window, the set-up when there is nothing to read, else the mail. */
function viewOf(accounts: AccountView[] | null, opened: OpenedMessage | null, wait: { localPending: boolean; setup: boolean }): AppView {
  if (accounts === null || wait.localPending) return { kind: 'pending' };
  if (opened) return { kind: 'message', opened, accounts };
  return wait.setup ? { kind: 'setup' } : { kind: 'mail', accounts };
}

function AccountsPending({ error, onRetry }: { error: ErrorShape | null; onRetry(): void }) {
  const t = useT();
  if (!error) {
    return (
      <p className="app__loading">
        <Spinner />
        {t('app.loading')}
      </p>
    );
  }
  return (
    <div className="app__load-failed">
      <p>{t('app.loadFailed')}</p>
      <ErrorNotice error={error} />
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
