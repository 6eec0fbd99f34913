import type { DiscoveredServer } from '../../ipc/contract';
import type { DiscoveryOptions, ProbedProtocol } from './discovery-options';
import { probeServer } from './probe-server';
import { withTimeout } from './with-timeout';

type Found = Record<ProbedProtocol, DiscoveredServer | null>;

const PREFIXES: Record<ProbedProtocol, string[]> = {
  imap: ['imap', 'mail'],
  pop3: ['pop3', 'pop', 'mail'],
  smtp: ['smtp', 'mail'],
};

/**
 * The last resort: common host names under the address's domain and under
 * its mail exchanger's domain (MX), each probed on the usual ports for a
 * greeting. The MX's "domain" is its last two labels, a rough stand-in for
 * the registrable domain without the public suffix list (wrong for names
 * like example.com.cn, where the guess then finds less, never something else).
 */
export async function guessServers(domain: string, email: string, options: DiscoveryOptions): Promise<{ found: Found; mxDomain: string | null }> {
  const mx = await withTimeout(options.resolver.resolveMx(domain), options.dnsTimeoutMs).catch(() => []);
  const exchange = [...mx].sort((a, b) => a.priority - b.priority)[0]?.exchange.replace(/\.$/, '').toLowerCase() ?? null;
  const mxDomain = exchange ? exchange.split('.').slice(-2).join('.') : null;
  const domains = [...new Set([domain, ...(mxDomain ? [mxDomain] : [])])];
  const probeOne = async (protocol: ProbedProtocol): Promise<DiscoveredServer | null> => {
    for (const host of candidates(protocol, domains, exchange)) {
      const address = await withTimeout(options.resolver.resolve4(host), options.dnsTimeoutMs).then((a) => a[0], () => undefined);
      if (!address) continue;
      for (const { port, security } of options.probePorts[protocol]) {
        if (await probeServer(protocol, address, host, port, security, options.probeTimeoutMs)) return { host, port, security, user: email };
      }
    }
    return null;
  };
  const [imap, pop3, smtp] = await Promise.all((['imap', 'pop3', 'smtp'] as const).map(probeOne));
  return { found: { imap: imap!, pop3: pop3!, smtp: smtp! }, mxDomain };
}

function candidates(protocol: ProbedProtocol, domains: string[], exchange: string | null): string[] {
  const hosts = domains.flatMap((d) => PREFIXES[protocol].map((prefix) => `${prefix}.${d}`));
  // Small domains often run everything on the MX host itself.
  return [...new Set([...hosts, ...(exchange ? [exchange] : []), domains[0]!])];
}
