import { useI18n } from '../../i18n/i18n-context';
import { formatSize } from '../../format/format-size';

interface PartialNoticeProps {
  /** Bytes of the message stored here (its beginning, from TOP). */
  storedBytes: number;
  /** The message's whole size, as the server listed it. */
  totalBytes: number;
  onDownload(): void;
  downloading: boolean;
  /** The rest was deleted on the server: nothing to try again. */
  restGone?: boolean;
}

/**
 * A POP3 message over the account's size limit whose rest could not be
 * fetched when it was opened (the server out of reach): says how much is
 * here and lets the user try again (opening it again is what fetches the rest).
 */
export function PartialNotice({ storedBytes, totalBytes, onDownload, downloading, restGone = false }: PartialNoticeProps) {
  const { t, locale } = useI18n();
  if (restGone) {
    return (
      <div className="reading-pane__partial" role="status" data-testid="partial-notice">
        <p>{t('warning.partialRestGone')}</p>
      </div>
    );
  }
  return (
    <div className="reading-pane__partial" role="status" data-testid="partial-notice">
      <p>{t('reading.partial', { shown: formatSize(storedBytes, t, locale), total: formatSize(totalBytes, t, locale) })}</p>
      <button type="button" onClick={onDownload} disabled={downloading} data-testid="download-rest">
        {t('reading.downloadRest')}
      </button>
    </div>
  );
}
