import type { AccountQuota } from '../../../src-main/ipc/contract';
import { formatFullDate } from '../../format/format-date';
import { formatSize } from '../../format/format-size';
import { useI18n } from '../../i18n/i18n-context';
import { QUOTA_CRITICAL, QUOTA_WARNING, quotaReading, type QuotaReading } from './quota-level';
import './quota-meter.css';

/**
 * How full the account's mailbox on the server is, under its folders: the resource nearest its
 * limit as a bar and words, advice once it passes Thunderbird's warning threshold (80%), and every
 * resource with the time it was read in the tooltip. Nothing when the server keeps no quota.
 */
export function QuotaMeter({ quota }: { quota: AccountQuota }) {
  const { t, locale } = useI18n();
  const reading = quotaReading(quota);
  if (!reading) return null;
  const percent = Math.round(reading.fraction * 100);
  const amounts = (resource: QuotaReading['resource']) => {
    const usage = quota[resource];
    if (!usage) return null;
    return resource === 'storage'
      ? t('quota.storage', { used: formatSize(usage.used, t, locale), limit: formatSize(usage.limit, t, locale) })
      : t('quota.messages', { used: usage.used.toLocaleString(locale), limit: usage.limit.toLocaleString(locale) });
  };
  const tooltip = [amounts('storage'), amounts('messages'), t('quota.checked', { when: formatFullDate(quota.checkedAt, locale) })].filter(Boolean).join('\n');
  return (
    <div className={`quota-meter quota-meter--${reading.level}`} title={tooltip} data-testid="quota-meter" data-level={reading.level}>
      <div className="quota-meter__line">
        <span>{t('quota.used', { percent: percent.toLocaleString(locale) })}</span>
        <span className="quota-meter__amount">{amounts(reading.resource)}</span>
      </div>
      <meter className="quota-meter__bar" min={0} max={1} low={QUOTA_WARNING} high={QUOTA_CRITICAL} optimum={0} value={Math.min(1, reading.fraction)}
        aria-label={t('quota.label')} />
      {reading.level !== 'normal' && (
        <p className="quota-meter__advice" role={reading.level === 'critical' ? 'alert' : undefined}>
          {t(reading.level === 'critical' ? 'quota.critical' : 'quota.warning')}
        </p>
      )}
    </div>
  );
}
