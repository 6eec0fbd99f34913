import { useI18n } from '../../i18n/i18n-context';
import { toastWords } from './toast-line';
import { useToasts, type Toast } from './toast-context';
import './toasts.css';

/** The toasts on screen, newest last; errors are alerts, the rest polite status. */
export function ToastList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { toasts, dismiss } = useToasts();
  // Its own undo: an error toast (a failed send) may show beside a newer action's toast with Undo.
  const undoThis = (toast: Toast) => {
    dismiss(toast.id);
    toast.undo?.();
  };
  return (
    <div className="toasts" data-testid="toasts">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          data-testid={toast.tone === 'error' ? 'toast-error' : 'toast'}
        >
          <div className="toast__text">
            {toastWords(toast.lines, i18n).map((line, index) => (
              <p key={index}>{line}</p>
            ))}
          </div>
          {toast.undo && (
            <button type="button" className="toast__undo" onClick={() => undoThis(toast)} data-testid="toast-undo">
              {t(toast.undoLabel ?? 'toast.undo')}
            </button>
          )}
          <button type="button" className="toast__close" onClick={() => dismiss(toast.id)} aria-label={t('dialog.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
