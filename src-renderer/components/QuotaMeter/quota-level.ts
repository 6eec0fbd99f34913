import type { AccountQuota, QuotaUsage } from '../../../src-main/ipc/contract';

/** Thunderbird's thresholds (mail.quota.mainwindow_threshold.warning / .critical). */
export const QUOTA_WARNING = 0.8;
export const QUOTA_CRITICAL = 0.95;

export type QuotaLevel = 'normal' | 'warning' | 'critical';

export interface QuotaReading {
  /** The resource nearest its limit: what fills up first is what the user must act on. */
  resource: 'storage' | 'messages';
  usage: QuotaUsage;
  /** 0 to 1 (more when the server let the account go past its limit, as some do for a while). */
  fraction: number;
  level: QuotaLevel;
}

export function quotaReading(quota: AccountQuota): QuotaReading | null {
  const readings = (['storage', 'messages'] as const).flatMap((resource) => {
    const usage = quota[resource];
    return usage ? [{ resource, usage, fraction: usage.used / usage.limit }] : [];
  });
  if (readings.length === 0) return null;
  const fullest = readings.reduce((a, b) => (b.fraction > a.fraction ? b : a));
  return { ...fullest, level: levelOf(fullest.fraction) };
}

function levelOf(fraction: number): QuotaLevel {
  if (fraction >= QUOTA_CRITICAL) return 'critical';
  return fraction >= QUOTA_WARNING ? 'warning' : 'normal';
}
