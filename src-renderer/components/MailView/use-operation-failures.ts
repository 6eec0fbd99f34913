import { useClientEvent } from '../../hooks/use-client-event';
import { useI18n } from '../../i18n/i18n-context';
import { useToasts } from '../Toasts/toast-context';

/**
 * An operation the server refused after it was applied here (the journal's
 * replay): say which, why, and that the view is back to the server's truth.
 */
export function useOperationFailures(): void {
  const { t, errorWords } = useI18n();
  const toasts = useToasts();
  useClientEvent('operation.failed', ({ kind, error }) => {
    toasts.show({ tone: 'error', lines: [t(`failed.${kind}`), ...errorWords(error, 'background'), t('failed.restored')] });
  });
}
