import { Resolver } from 'node:dns/promises';
import type { DiscoverySource, Security } from '../../ipc/contract';

/** The DNS questions the chain asks; node's dns.Resolver answers them (setServers points it elsewhere in tests). */
export interface DnsLookups {
  resolveSrv(name: string): Promise<{ name: string; port: number; priority: number; weight: number }[]>;
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(name: string): Promise<string[]>;
}

export type ProbedProtocol = 'imap' | 'pop3' | 'smtp';
export type ProbePorts = Record<ProbedProtocol, { port: number; security: Security }[]>;

/** Every network step of set-up from the address, injectable so tests run on loopback. */
export interface DiscoveryOptions {
  resolver: DnsLookups;
  /** The autoconfig URLs for a domain, in order. */
  autoconfigUrls(domain: string, email: string): { source: Extract<DiscoverySource, 'autoconfig' | 'well-known'>; url: string }[];
  /** The ports the guess tries on each candidate host, encrypted first. */
  probePorts: ProbePorts;
  httpTimeoutMs: number;
  dnsTimeoutMs: number;
  probeTimeoutMs: number;
}

/** The usual ports: implicit TLS first, then STARTTLS (plain-text ports are never guessed). */
export const USUAL_PORTS: ProbePorts = {
  imap: [{ port: 993, security: 'tls' }, { port: 143, security: 'starttls' }],
  pop3: [{ port: 995, security: 'tls' }, { port: 110, security: 'starttls' }],
  smtp: [{ port: 465, security: 'tls' }, { port: 587, security: 'starttls' }],
};

/**
 * HTTPS only, unlike Thunderbird's http:// fallback: a config fetched in
 * plain text can be rewritten by anyone on the path to send the password to
 * their own server, and the user could not tell. A domain without HTTPS goes
 * on to SRV and the guess, whose results carry their own warnings.
 */
export function httpsAutoconfigUrls(domain: string, email: string): ReturnType<DiscoveryOptions['autoconfigUrls']> {
  return [
    { source: 'autoconfig', url: `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(email)}` },
    { source: 'well-known', url: `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml` },
  ];
}

export function defaultDiscoveryOptions(overrides: Partial<DiscoveryOptions> = {}): DiscoveryOptions {
  return {
    resolver: new Resolver({ timeout: 4000, tries: 2 }),
    autoconfigUrls: httpsAutoconfigUrls,
    probePorts: USUAL_PORTS,
    httpTimeoutMs: 8000,
    dnsTimeoutMs: 8000,
    probeTimeoutMs: 5000,
    ...overrides,
  };
}

/**
 * Test hook (e2e): WREN_TEST_AUTOCONFIG_BASE serves both autoconfig URLs from
 * one loopback HTTP server (`BASE/DOMAIN/mail/config-v1.1.xml` and
 * `BASE/DOMAIN/.well-known/…`), WREN_TEST_DNS ("127.0.0.1:PORT") names the
 * DNS server. Never set outside tests; nothing else reads them.
 */
export function discoveryOverridesFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<DiscoveryOptions> {
  const overrides: Partial<DiscoveryOptions> = {};
  const base = env.WREN_TEST_AUTOCONFIG_BASE;
  if (base) {
    overrides.autoconfigUrls = (domain) => [
      { source: 'autoconfig', url: `${base}/${domain}/mail/config-v1.1.xml` },
      { source: 'well-known', url: `${base}/${domain}/.well-known/autoconfig/mail/config-v1.1.xml` },
    ];
  }
  if (env.WREN_TEST_DNS) {
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([env.WREN_TEST_DNS]);
    overrides.resolver = resolver;
  }
  return overrides;
}
