import { useT } from '../../i18n/i18n-context';
import type { AccountFormState } from '../AccountForm/form-state';
import { FieldRow, TextField } from '../Field';

interface IdentityFieldsProps {
  form: AccountFormState;
  update(patch: Partial<AccountFormState>): void;
  disabled: boolean;
}

/** Who the account is for: address, the name shown to others, the name shown in Wren. */
export function IdentityFields({ form, update, disabled }: IdentityFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField label={t('form.email')} value={form.email} onChange={(email) => update({ email })} testId="setup-email" type="email" autoComplete="email" disabled={disabled} />
      <FieldRow>
        <TextField label={t('form.displayName')} value={form.displayName} onChange={(displayName) => update({ displayName })} testId="setup-display-name" autoComplete="name" disabled={disabled} />
        <TextField label={t('form.accountName')} value={form.name ?? form.email} onChange={(name) => update({ name })} testId="setup-account-name" disabled={disabled} />
      </FieldRow>
    </>
  );
}
