import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-context';
import { TextField } from '../Field';

interface AddressStepProps {
  busy: boolean;
  onFind(email: string, password: string): void;
  onManual(email: string, password: string): void;
}

/** The first step: the address and the password, and nothing else. */
export function AddressStep({ busy, onFind, onManual }: AddressStepProps) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const complete = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && password !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) onFind(email.trim(), password);
  };
  return (
    <form className="account-form" noValidate onSubmit={submit} data-testid="setup-address-step">
      <TextField label={t('form.email')} value={email} onChange={setEmail} testId="setup-discover-email" type="email" autoComplete="email" disabled={busy} />
      <TextField label={t('form.password')} value={password} onChange={setPassword} testId="setup-discover-password" type="password" autoComplete="current-password" disabled={busy} />
      <div className="account-form__actions">
        <button type="button" onClick={() => onManual(email.trim(), password)} disabled={busy} data-testid="setup-manual">
          {t('discovery.manual')}
        </button>
        <button type="submit" className="primary" disabled={busy || !complete} data-testid="setup-discover-find">
          {t('discovery.find')}
        </button>
      </div>
    </form>
  );
}
