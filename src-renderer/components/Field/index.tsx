import { useId, type ReactNode } from 'react';
import './field.css';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  type?: 'text' | 'email' | 'password' | 'number';
  autoComplete?: string;
  invalid?: boolean;
  disabled?: boolean;
  /** The field a dialog focuses when it opens (Dialog looks for data-autofocus), not its first. */
  autoFocus?: boolean;
}

/** A labelled input; the label is what tests and screen readers find it by. */
export function TextField({ label, value, onChange, testId, type = 'text', autoComplete, invalid, disabled, autoFocus }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        spellCheck={false}
        data-autofocus={autoFocus || undefined}
      />
    </div>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  testId: string;
  disabled?: boolean;
}

export function SelectField<V extends string>({ label, value, options, onChange, testId, disabled }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* Named by aria-label too, so a narrow toolbar may hide the label (the language's) and the name stays. */}
      <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.target.value as V)} data-testid={testId} disabled={disabled}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="field-row">{children}</div>;
}
