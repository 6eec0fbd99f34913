import { choicesFor, FILTER_FIELDS, isNumberField, operatorsFor, type FilterCondition } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { choiceLabel, FIELD_LABELS, OPERATOR_LABELS } from './condition-labels';

/**
 * A condition with another field: the operator becomes the field's first when the old one does not go with it
 * (sizes and ages compare, statuses, priorities and tags are or are not, the others match text), and a value of the
 * other kind is emptied; a value picked from a list starts at its first, so the row holds a whole condition at once.
 */
export function withField(condition: FilterCondition, field: FilterCondition['field']): FilterCondition {
  const kind = (of: FilterCondition['field']) => (isNumberField(of) ? 'number' : choicesFor(of) ? 'choice' : 'text');
  const operator = operatorsFor(field).includes(condition.operator) ? condition.operator : operatorsFor(field)[0]!;
  // Only a header condition names a header; it starts empty, for the user to write.
  const header = field === 'header' ? { header: condition.header ?? '' } : {};
  const choices = choicesFor(field);
  if (kind(field) === kind(condition.field) && !choices) return { field, ...header, operator, text: condition.text };
  return { field, ...header, operator, text: choices ? choices[0]! : '' };
}

interface ConditionRowProps {
  condition: FilterCondition;
  onChange(condition: FilterCondition): void;
  /** Absent for the only condition, which stays. */
  onRemove?(): void;
}

/**
 * One rule of the filter form: what it looks at (a header field by its name, typed beside it), how it compares,
 * and the text, the number (KB, days) or the status.
 */
export function ConditionRow({ condition, onChange, onRemove }: ConditionRowProps) {
  const t = useT();
  return (
    <div className="filter-form__condition" data-testid="filter-condition">
      <select aria-label={t('msgFilter.field')} value={condition.field} onChange={(event) => onChange(withField(condition, event.target.value as FilterCondition['field']))} data-testid="filter-field">
        {FILTER_FIELDS.map((field) => <option key={field} value={field}>{t(FIELD_LABELS[field])}</option>)}
      </select>
      {condition.field === 'header' && (
        <input className="filter-form__header" aria-label={t('msgFilter.headerName')} placeholder="List-Id" value={condition.header ?? ''} spellCheck={false}
          onChange={(event) => onChange({ ...condition, header: event.target.value })} data-testid="filter-header" />
      )}
      <select aria-label={t('msgFilter.operator')} value={condition.operator} onChange={(event) => onChange({ ...condition, operator: event.target.value as FilterCondition['operator'] })} data-testid="filter-operator">
        {operatorsFor(condition.field).map((operator) => <option key={operator} value={operator}>{t(OPERATOR_LABELS[operator])}</option>)}
      </select>
      <ConditionValue condition={condition} onChange={(text) => onChange({ ...condition, text })} />
      {onRemove && (
        <button type="button" aria-label={t('msgFilter.removeCondition')} title={t('msgFilter.removeCondition')} onClick={onRemove}>
          ×
        </button>
      )}
    </div>
  );
}

function ConditionValue({ condition, onChange }: { condition: FilterCondition; onChange(text: string): void }) {
  const t = useT();
  const choices = choicesFor(condition.field);
  if (choices) {
    return (
      <select aria-label={t(FIELD_LABELS[condition.field])} value={condition.text} onChange={(event) => onChange(event.target.value)} data-testid="filter-text">
        {choices.map((choice) => <option key={choice} value={choice}>{t(choiceLabel(condition.field, choice)!)}</option>)}
      </select>
    );
  }
  const counted = isNumberField(condition.field);
  const sized = condition.field === 'size';
  return (
    <>
      <input aria-label={counted ? t(sized ? 'msgFilter.sizeKb' : 'msgFilter.ageDays') : t('msgFilter.text')} value={condition.text} onChange={(event) => onChange(event.target.value)}
        {...(counted && { type: 'number', min: 0, step: 1, inputMode: 'numeric' as const })} data-testid="filter-text" />
      {counted && <span className="filter-form__unit">{sized ? 'KB' : t('msgFilter.days')}</span>}
    </>
  );
}
