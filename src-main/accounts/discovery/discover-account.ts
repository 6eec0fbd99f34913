import type { DiscoveredConfig, DiscoveryResult, DiscoveryStep } from '../../ipc/contract';
import { configWarnings } from './config-warnings';
import type { DiscoveryOptions } from './discovery-options';
import { fetchAutoconfig } from './fetch-autoconfig';
import { guessServers } from './guess-servers';
import { IspdbInvalid, parseIspdbConfig, type IspdbConfig } from './ispdb-config';
import { BUNDLED_PROVIDER_CONFIGS } from './providers';
import { lookupSrv } from './srv-records';
import { StepTimedOut } from './with-timeout';

/** A config before its warnings; `oauth2Only` (from the file) becomes one of them. */
type Found = Omit<DiscoveredConfig, 'warnings'> & { oauth2Only?: boolean };
type Step = (email: string, domain: string) => Promise<Found | null>;

/**
 * Set-up from the address, in Thunderbird's order: the bundled list, the
 * domain's autoconfig file (autoconfig.DOMAIN, then .well-known), RFC 6186
 * SRV records, then a guess from MX and common host names. The first step
 * with an IMAP or POP3 server wins. Each step's outcome is kept (a slow
 * provider: "timeout", a broken file: "invalid"), so a user who gets nothing
 * is told what was tried; manual settings stay possible in every case.
 */
export async function discoverAccount(email: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const steps: DiscoveryStep[] = [];
  const chain: { source: DiscoveryStep['source']; from: string; run: Step }[] = [
    { source: 'bundled', from: 'bundled list', run: async () => bundled(email, domain) },
    ...options.autoconfigUrls(domain, email).map(({ source, url }) => ({ source, from: url, run: () => autoconfig(source, url, email, options) })),
    { source: 'srv', from: `SRV records of ${domain}`, run: () => srv(email, domain, options) },
    { source: 'guess', from: `host names under ${domain} and its MX`, run: () => guess(email, domain, options) },
  ];
  for (const step of chain) {
    try {
      const found = await step.run(email, domain);
      steps.push({ source: step.source, from: found?.from ?? step.from, outcome: found ? 'found' : 'nothing', detail: null });
      if (found) return { email, config: withWarnings(found, domain), steps };
    } catch (error) {
      steps.push({ source: step.source, from: step.from, ...failure(error) });
    }
  }
  return { email, config: null, steps };
}

function bundled(email: string, domain: string): Found | null {
  for (const xml of BUNDLED_PROVIDER_CONFIGS) {
    const config = parseIspdbConfig(xml, email);
    if (config.domains.includes(domain)) return fromIspdb(config, 'bundled', `bundled list (${config.providerId})`);
  }
  return null;
}

async function autoconfig(source: 'autoconfig' | 'well-known', url: string, email: string, options: DiscoveryOptions): Promise<Found | null> {
  const xml = await fetchAutoconfig(url, options.httpTimeoutMs);
  return xml === null ? null : fromIspdb(parseIspdbConfig(xml, email), source, url);
}

async function srv(email: string, domain: string, options: DiscoveryOptions): Promise<Found | null> {
  const found = await lookupSrv(domain, email, options.resolver, options.dnsTimeoutMs);
  if (!found.imap && !found.pop3) return null;
  return { source: 'srv', from: `SRV records of ${domain}`, displayName: null, ...found };
}

async function guess(email: string, domain: string, options: DiscoveryOptions): Promise<Found | null> {
  const { found } = await guessServers(domain, email, options);
  if (!found.imap && !found.pop3) return null;
  return { source: 'guess', from: `servers that answered under ${domain}`, displayName: null, ...found };
}

function fromIspdb(config: IspdbConfig, source: DiscoveredConfig['source'], from: string): Found {
  return { source, from, displayName: config.displayName, imap: config.imap, pop3: config.pop3, smtp: config.smtp, oauth2Only: config.oauth2Only };
}

/** A provider that takes OAuth2 only is still shown, with the reason a password will not do. */
function withWarnings({ oauth2Only, ...config }: Found, domain: string): DiscoveredConfig {
  const warnings = configWarnings(config, domain);
  if (oauth2Only) warnings.push({ kind: 'oauth2Only', provider: config.displayName ?? config.from });
  return { ...config, warnings };
}

function failure(error: unknown): Pick<DiscoveryStep, 'outcome' | 'detail'> {
  if (error instanceof StepTimedOut) return { outcome: 'timeout', detail: error.message };
  if (error instanceof IspdbInvalid) return { outcome: 'invalid', detail: error.message };
  return { outcome: 'failed', detail: error instanceof Error ? error.message : String(error) };
}
