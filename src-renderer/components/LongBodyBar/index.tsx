import { useI18n } from '../../i18n/i18n-context';
import { formatSize } from '../../format/format-size';
import '../../styles/notice-bar.css';

interface LongBodyBarProps {
  shownBytes: number;
  totalBytes: number;
  /** How far drawing the rest has come, once asked for; null before. */
  preparedPercent: number | null;
  onShowRest(): void;
  testId: string;
}

/** Above a long message's body, HTML or text, while only its first part is shown: how much, and "Show the rest". */
export function LongBodyBar({ shownBytes, totalBytes, preparedPercent, onShowRest, testId }: LongBodyBarProps) {
  const { t, locale } = useI18n();
  return (
    <div className="notice-bar" role="status" data-testid={testId}>
      {preparedPercent !== null ? (
        <span>{t('html.preparing', { percent: preparedPercent })}</span>
      ) : (
        <>
          <span>{t('html.partial', { shown: formatSize(shownBytes, t, locale), total: formatSize(totalBytes, t, locale) })}</span>
          <button type="button" onClick={onShowRest} data-testid="show-rest">
            {t('html.showRest')}
          </button>
        </>
      )}
    </div>
  );
}
