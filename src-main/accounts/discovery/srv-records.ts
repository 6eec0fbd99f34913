import type { DiscoveredServer, Security } from '../../ipc/contract';
import type { DnsLookups } from './discovery-options';
import { withTimeout } from './with-timeout';

type Found = { imap: DiscoveredServer | null; pop3: DiscoveredServer | null; smtp: DiscoveredServer | null };

/** RFC 6186 service names per protocol, the encrypted one first (RFC 8314 prefers implicit TLS). */
const SERVICES: { protocol: keyof Found; name: string; security: Security }[] = [
  { protocol: 'imap', name: '_imaps._tcp', security: 'tls' },
  { protocol: 'imap', name: '_imap._tcp', security: 'starttls' },
  { protocol: 'pop3', name: '_pop3s._tcp', security: 'tls' },
  { protocol: 'pop3', name: '_pop3._tcp', security: 'starttls' },
  { protocol: 'smtp', name: '_submissions._tcp', security: 'tls' },
  { protocol: 'smtp', name: '_submission._tcp', security: 'starttls' },
];

/**
 * RFC 6186: SRV records name the servers. A target of "." says the service
 * is not offered; among records, the lowest priority wins, then the highest
 * weight. The plain `_imap` / `_pop3` / `_submission` services are taken
 * with STARTTLS (RFC 6186 §3: the client negotiates TLS), never in clear.
 */
export async function lookupSrv(domain: string, email: string, resolver: DnsLookups, timeoutMs: number): Promise<Found> {
  const answers = await Promise.all(
    SERVICES.map(async (service) => ({ service, records: await withTimeout(resolver.resolveSrv(`${service.name}.${domain}`), timeoutMs).catch(noRecords) })),
  );
  const found: Found = { imap: null, pop3: null, smtp: null };
  for (const { service, records } of answers) {
    if (found[service.protocol]) continue;
    const best = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
    if (!best || best.name === '' || best.name === '.' || best.port === 0) continue;
    found[service.protocol] = { host: best.name.replace(/\.$/, '').toLowerCase(), port: best.port, security: service.security, user: email };
  }
  return found;
}

/** No such name (or no answer): the service is not announced. A timeout is not swallowed. */
function noRecords(error: unknown): never[] {
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ESERVFAIL' || code === 'EREFUSED' || code === 'ENOTIMP') return [];
  throw error;
}
