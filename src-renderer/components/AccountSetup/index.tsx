import { useState } from 'react';
import type { AccountView, DiscoveryResult } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { AccountForm } from '../AccountForm';
import { initialFormState, type AccountFormState } from '../AccountForm/form-state';
import { ErrorNotice } from '../ErrorNotice';
import { Spinner } from '../Spinner';
import { AddressStep } from './address-step';
import { stepWords } from './discovery-words';
import { FoundSettings } from './found-settings';
import { formFromDiscovery } from './form-from-discovery';
import './account-setup.css';

type Stage =
  | { kind: 'address' }
  | { kind: 'finding'; email: string }
  | { kind: 'found'; email: string; password: string; result: DiscoveryResult }
  | { kind: 'failed'; email: string; password: string; error: ErrorShape }
  | { kind: 'form'; initial: AccountFormState };

/**
 * Adding an account: the address and password first; Wren looks up the
 * servers (accounts.discover) and shows what it found; the account form,
 * filled in, then tests and saves. "Manual settings" is there at every step.
 */
export function AccountSetup({ onSaved }: { onSaved(account: AccountView): void }) {
  const client = useClient();
  const t = useT();
  const [stage, setStage] = useState<Stage>({ kind: 'address' });
  const manual = (email: string, password: string) => setStage({ kind: 'form', initial: { ...initialFormState(), email, password } });

  const find = (email: string, password: string) => {
    setStage({ kind: 'finding', email });
    client.request('accounts.discover', { email }).then(
      (result) => setStage({ kind: 'found', email, password, result }),
      (error: unknown) => setStage({ kind: 'failed', email, password, error: toErrorShape(error) }),
    );
  };

  if (stage.kind === 'form') return <AccountForm onSaved={onSaved} initial={stage.initial} />;
  return (
    <div className="account-setup">
      <AddressStep busy={stage.kind === 'finding'} onFind={find} onManual={manual} />
      {stage.kind === 'finding' && (
        <p aria-live="polite" data-testid="discovery-finding">
          <Spinner />
          {t('discovery.finding', { email: stage.email })}
        </p>
      )}
      {stage.kind === 'failed' && <ErrorNotice error={stage.error} />}
      {stage.kind === 'found' && stage.result.config && (
        <FoundSettings
          config={stage.result.config}
          email={stage.email}
          onUse={(protocol, oauth2) =>
            setStage({ kind: 'form', initial: { ...formFromDiscovery(stage.email, stage.password, stage.result.config!, protocol), ...(oauth2 && { auth: 'oauth2' as const }) } })
          }
          onManual={() => manual(stage.email, stage.password)}
        />
      )}
      {stage.kind === 'found' && !stage.result.config && (
        <div className="account-setup__nothing" data-testid="discovery-nothing">
          <p>{t('discovery.nothing', { email: stage.email })}</p>
          <ul>
            {stage.result.steps.map((step) => (
              <li key={`${step.source}-${step.from}`}>{stepWords(step, t)}</li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => manual(stage.email, stage.password)} data-testid="setup-manual-after">
            {t('discovery.manual')}
          </button>
        </div>
      )}
    </div>
  );
}
