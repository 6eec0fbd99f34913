import { FILTER_FIELDS, operatorsFor, type FilterCondition } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { FIELD_LABELS, OPERATOR_LABELS } from './condition-labels';

/**
 * A condition with another field: the operator becomes the field's first when the old one does not go with it
 * (the size compares, the others match text), and a text typed for the other kind is emptied.
 */
export function withField(condition: FilterCondition, field: FilterCondition['field']): FilterCondition {
  if (operatorsFor(field).includes(condition.operator)) return { ...condition, field };
  return { field, operator: operatorsFor(field)[0]!, text: '' };
}

interface ConditionRowProps {
  condition: FilterCondition;
  onChange(condition: FilterCondition): void;
  /** Absent for the only condition, which stays. */
  onRemove?(): void;
}

/** One rule of the filter form: what it looks at, how it compares, and the text (or the size in KB). */
export function ConditionRow({ condition, onChange, onRemove }: ConditionRowProps) {
  const t = useT();
  const sized = condition.field === 'size';
  return (
    <div className="filter-form__condition" data-testid="filter-condition">
      <select aria-label={t('msgFilter.field')} value={condition.field} onChange={(event) => onChange(withField(condition, event.target.value as FilterCondition['field']))} data-testid="filter-field">
        {FILTER_FIELDS.map((field) => <option key={field} value={field}>{t(FIELD_LABELS[field])}</option>)}
      </select>
      <select aria-label={t('msgFilter.operator')} value={condition.operator} onChange={(event) => onChange({ ...condition, operator: event.target.value as FilterCondition['operator'] })} data-testid="filter-operator">
        {operatorsFor(condition.field).map((operator) => <option key={operator} value={operator}>{t(OPERATOR_LABELS[operator])}</option>)}
      </select>
      <input aria-label={sized ? t('msgFilter.sizeKb') : t('msgFilter.text')} value={condition.text} onChange={(event) => onChange({ ...condition, text: event.target.value })}
        {...(sized && { type: 'number', min: 0, step: 1, inputMode: 'numeric' as const })} data-testid="filter-text" />
      {sized && <span className="filter-form__unit">KB</span>}
      {onRemove && (
        <button type="button" aria-label={t('msgFilter.removeCondition')} title={t('msgFilter.removeCondition')} onClick={onRemove}>
          ×
        </button>
      )}
    </div>
  );
}
