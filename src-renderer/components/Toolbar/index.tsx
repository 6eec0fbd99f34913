import { LanguageSwitch } from '../LanguageSwitch';
import { SyncButton } from '../SyncButton';
import './toolbar.css';

export function Toolbar({ syncAccountId }: { syncAccountId: number | null }) {
  return (
    <header className="toolbar">
      <span className="toolbar__brand">Wren</span>
      {syncAccountId !== null && <SyncButton accountId={syncAccountId} />}
      <span className="toolbar__spacer" />
      <LanguageSwitch />
    </header>
  );
}
