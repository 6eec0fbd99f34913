import { useClientEvent } from '../../hooks/use-client-event';
import { useToasts } from '../Toasts/toast-context';

/**
 * Filters the core turned off while filtering new mail, as the folder they file mail into is gone: said until
 * closed (mail they would have filed now stays in the Inbox), with the way to the settings where they are mended.
 */
export function useFiltersTurnedOff(openSettings: () => void): void {
  const toasts = useToasts();
  useClientEvent('filters.turnedOff', ({ accountId, filters }) => {
    toasts.show({
      tone: 'error',
      key: `filters-turned-off-${accountId}`,
      lines: [{ key: 'filters.turnedOff', values: { count: filters.length, names: filters.map((filter) => `“${filter.name}”`).join(', ') } }],
      undo: openSettings,
      undoLabel: 'filters.turnedOffSettings',
      lifetimeMs: null,
    });
  });
}
