import type { DiscoveryStep, DiscoveryWarning } from '../../../src-main/ipc/contract';
import type { Translate } from '../../i18n/translate';

export function warningWords(warning: DiscoveryWarning, t: Translate): string {
  if (warning.kind === 'plaintext') return t('discovery.warnPlaintext', { host: warning.host });
  if (warning.kind === 'otherDomain') return t('discovery.warnOtherDomain', { host: warning.host, domain: warning.domain });
  return t('discovery.warnOauth2Only', { provider: warning.provider });
}

/**
 * The configuration files' addresses are worth showing; for the other sources the core's `from`
 * is an English note ("SRV records of example.com") that the source's own words already say.
 */
const SHOWS_FROM: ReadonlySet<DiscoveryStep['source']> = new Set(['autoconfig', 'well-known']);

export function stepWords(step: DiscoveryStep, t: Translate): string {
  const values = { source: t(`discovery.source.${step.source}`), outcome: t(`discovery.outcome.${step.outcome}`), from: step.from };
  return t(SHOWS_FROM.has(step.source) ? 'discovery.step' : 'discovery.stepPlain', values);
}
