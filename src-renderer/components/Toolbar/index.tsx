import { AddAccount } from '../AddAccount';
import { EnableNotifications } from '../EnableNotifications';
import { LanguageSwitch } from '../LanguageSwitch';
import { MarkReadSetting } from '../MarkReadSetting';
import { SyncButton } from '../SyncButton';
import './toolbar.css';

export function Toolbar() {
  return (
    <header className="toolbar">
      <span className="toolbar__brand">Wren</span>
      <SyncButton />
      <AddAccount />
      <span className="toolbar__spacer" />
      <EnableNotifications />
      <MarkReadSetting />
      <LanguageSwitch />
    </header>
  );
}
