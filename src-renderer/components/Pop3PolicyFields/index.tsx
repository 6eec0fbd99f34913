import type { Pop3Leave } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import type { Pop3Form } from '../AccountForm/form-state';
import { FieldRow, SelectField, TextField } from '../Field';

const LEAVE_LABELS: Record<Pop3Leave, StringKey> = {
  keep: 'form.pop3Keep',
  deleteAfterDays: 'form.pop3DeleteAfterDays',
  deleteWhenDeleted: 'form.pop3DeleteWhenDeleted',
  delete: 'form.pop3Delete',
};

interface Pop3PolicyFieldsProps {
  policy: Pop3Form;
  onChange(policy: Pop3Form): void;
  disabled: boolean;
}

/** What happens to mail on a POP3 server once it is downloaded, and the size above which only its top comes. */
export function Pop3PolicyFields({ policy, onChange, disabled }: Pop3PolicyFieldsProps) {
  const t = useT();
  const options = (Object.keys(LEAVE_LABELS) as Pop3Leave[]).map((value) => ({ value, label: t(LEAVE_LABELS[value]) }));
  return (
    <>
      <FieldRow>
        <SelectField<Pop3Leave> label={t('form.pop3Leave')} value={policy.leave} options={options} onChange={(leave) => onChange({ ...policy, leave })} testId="setup-pop3-leave" disabled={disabled} />
        {policy.leave === 'deleteAfterDays' && (
          <TextField label={t('form.pop3Days')} value={policy.days} onChange={(days) => onChange({ ...policy, days })} testId="setup-pop3-days" type="number" disabled={disabled} />
        )}
      </FieldRow>
      <TextField label={t('form.pop3MaxKb')} value={policy.maxKb} onChange={(maxKb) => onChange({ ...policy, maxKb })} testId="setup-pop3-max-kb" type="number" disabled={disabled} />
    </>
  );
}
