import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { Dialog } from '.';

interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit(name: string): void;
  onClose(): void;
}

/** Asks for a folder's name (new subfolder, rename). */
export function NameDialog({ title, label, initial, submitLabel, onSubmit, onClose }: NameDialogProps) {
  const t = useT();
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  return (
    <Dialog title={title} onClose={onClose} testId="name-dialog">
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!trimmed) return;
          onClose();
          onSubmit(trimmed);
        }}
      >
        <label className="dialog__field">
          <span>{label}</span>
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} data-autofocus data-testid="name-input" maxLength={200} />
        </label>
        <div className="dialog__buttons">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" disabled={!trimmed || trimmed === initial} data-testid="name-submit">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
