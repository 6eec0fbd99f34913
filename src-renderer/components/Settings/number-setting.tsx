import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { TextField } from '../Field';

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  testId: string;
}

/** A whole number in a range: saved as soon as what is typed is valid, marked invalid (and not saved) otherwise. */
export function NumberSetting({ label, value, min, max, onChange, testId }: NumberSettingProps) {
  const t = useT();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const typed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(typed) && typed >= min && typed <= max;
  return (
    <div className="settings__number">
      <TextField
        label={label}
        type="number"
        value={text}
        invalid={!valid}
        testId={testId}
        onChange={(next) => {
          setText(next);
          const number = Number(next);
          if (next.trim() !== '' && Number.isInteger(number) && number >= min && number <= max && number !== value) onChange(number);
        }}
      />
      {!valid && <p className="settings__hint">{t('settings.outOfRange', { min, max })}</p>}
    </div>
  );
}

export function CheckSetting({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange(value: boolean): void; testId: string }) {
  return (
    <label className="settings__check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}
