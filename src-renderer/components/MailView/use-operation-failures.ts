import { useClientEvent } from '../../hooks/use-client-event';
import { useToasts } from '../Toasts/toast-context';

/**
 * An operation the server refused after it was applied here (the journal's
 * replay): say which, why, and that the view is back to the server's truth.
 */
export function useOperationFailures(): void {
  const toasts = useToasts();
  useClientEvent('operation.failed', ({ kind, error }) => {
    toasts.show({ tone: 'error', lines: [{ key: `failed.${kind}` }, { error, context: 'background' }, { key: 'failed.restored' }] });
  });
}
