import { AddAccount } from '../AddAccount';
import { EnableNotifications } from '../EnableNotifications';
import { LanguageSwitch } from '../LanguageSwitch';
import { SyncButton } from '../SyncButton';
import { WorkOfflineToggle } from '../WorkOffline';
import { useT } from '../../i18n/i18n-context';
import './toolbar.css';

export function Toolbar({ onOpenSettings, onOpenAddressBook }: { onOpenSettings(): void; onOpenAddressBook(): void }) {
  const t = useT();
  return (
    <header className="toolbar">
      <span className="toolbar__brand">Wren</span>
      <SyncButton />
      <WorkOfflineToggle />
      <AddAccount />
      <span className="toolbar__spacer" />
      <EnableNotifications />
      <LanguageSwitch />
      <button type="button" onClick={onOpenAddressBook} title={`${t('contacts.open')} (Ctrl+Shift+B)`} data-testid="open-address-book">
        {t('contacts.open')}
      </button>
      <button type="button" onClick={onOpenSettings} data-testid="open-settings">
        {t('settings.open')}
      </button>
    </header>
  );
}
