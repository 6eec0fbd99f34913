import { formatFullDate } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';

/**
 * In a composer opened on a message taken back out of the outbox while it was scheduled (Edit, Undo):
 * taking it back called the schedule off, and nothing else would say so until the time had passed unsent.
 */
export function WasScheduledNote({ at }: { at: number }) {
  const { t, locale } = useI18n();
  return (
    <p className="composer__was-scheduled" role="status" data-testid="compose-was-scheduled">
      {t('compose.wasScheduled', { time: formatFullDate(at, locale) })}
    </p>
  );
}
