import type { AccountView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { AccountSetup } from '../AccountSetup';
import { LanguageSwitch } from '../LanguageSwitch';
import './first-run-setup.css';

export function FirstRunSetup({ onSaved }: { onSaved(account: AccountView): void }) {
  const t = useT();
  return (
    <main className="first-run-setup" data-testid="first-run">
      <div className="first-run-setup__content">
        <header className="first-run-setup__header">
          <h1>{t('setup.welcome')}</h1>
          <LanguageSwitch />
        </header>
        <p className="first-run-setup__intro">{t('setup.intro')}</p>
        <AccountSetup onSaved={onSaved} />
      </div>
    </main>
  );
}
