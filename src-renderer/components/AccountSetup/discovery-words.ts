import type { DiscoveryStep, DiscoveryWarning } from '../../../src-main/ipc/contract';
import type { Translate } from '../../i18n/translate';

export function warningWords(warning: DiscoveryWarning, t: Translate): string {
  if (warning.kind === 'plaintext') return t('discovery.warnPlaintext', { host: warning.host });
  if (warning.kind === 'otherDomain') return t('discovery.warnOtherDomain', { host: warning.host, domain: warning.domain });
  return t('discovery.warnOauth2Only', { provider: warning.provider });
}

export function stepWords(step: DiscoveryStep, t: Translate): string {
  return t('discovery.step', { source: t(`discovery.source.${step.source}`), outcome: t(`discovery.outcome.${step.outcome}`), from: step.from });
}
