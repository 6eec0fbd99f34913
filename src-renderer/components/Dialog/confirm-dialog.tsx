import { useT } from '../../i18n/i18n-context';
import { Dialog } from '.';

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before something that cannot be taken back; the safe choice has the focus. */
export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose} testId="confirm-dialog">
      <p className="dialog__text">{text}</p>
      <div className="dialog__buttons">
        <button type="button" onClick={onClose} data-autofocus data-testid="confirm-cancel">
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="dialog__danger"
          onClick={() => {
            onClose();
            onConfirm();
          }}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
