import { useRef, useState } from 'react';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { Dialog } from '.';

interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** Settles once the name is taken; a refusal (a name the server cannot use) keeps the dialog open, saying why. */
  onSubmit(name: string): Promise<unknown>;
  onClose(): void;
}

/** Asks for a folder's name (new subfolder, rename); a refused name is said here, where it can be corrected. */
export function NameDialog({ title, label, initial, submitLabel, onSubmit, onClose }: NameDialogProps) {
  const { t, errorWords, sentences } = useI18n();
  const [name, setName] = useState(initial);
  const [refusal, setRefusal] = useState<ErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const trimmed = name.trim();
  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await onSubmit(trimmed);
      onClose();
    } catch (error) {
      setRefusal(toErrorShape(error));
      setBusy(false);
      // The submit button, disabled while busy, let the focus fall to the page, where Escape no longer reached the
      // dialog: back to the name, chosen, to be corrected.
      input.current?.focus();
      input.current?.select();
    }
  };
  return (
    <Dialog title={title} onClose={onClose} testId="name-dialog">
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed && !busy) void submit();
        }}
      >
        <label className="dialog__field">
          <span>{label}</span>
          <input ref={input} type="text" value={name} onChange={(event) => setName(event.target.value)} data-autofocus data-testid="name-input" maxLength={200} aria-invalid={refusal !== null} />
        </label>
        {refusal && (
          <p className="dialog__error" role="alert" data-testid="name-refused">
            {sentences(errorWords(refusal, 'background'))}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" disabled={!trimmed || trimmed === initial || busy} data-testid="name-submit">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
