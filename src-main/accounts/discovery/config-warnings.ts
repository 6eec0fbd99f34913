import type { DiscoveredConfig, DiscoveredServer, DiscoveryWarning } from '../../ipc/contract';

/**
 * What the user must see before settings from the network are used: a
 * server spoken to without encryption, and a server outside the address's
 * own domain (a hostile or mistaken file could send the password anywhere).
 * The bundled list is Wren's own and needs no domain warning.
 */
export function configWarnings(config: Omit<DiscoveredConfig, 'warnings'>, domain: string): DiscoveryWarning[] {
  const servers = [config.imap, config.pop3, config.smtp].filter((s): s is DiscoveredServer => s !== null);
  const warnings: DiscoveryWarning[] = [];
  for (const host of new Set(servers.filter((s) => s.security === 'none').map((s) => s.host))) warnings.push({ kind: 'plaintext', host });
  if (config.source !== 'bundled') {
    for (const host of new Set(servers.map((s) => s.host))) {
      if (host !== domain && !host.endsWith(`.${domain}`)) warnings.push({ kind: 'otherDomain', host, domain });
    }
  }
  return warnings;
}
