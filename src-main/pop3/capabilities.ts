/**
 * RFC 2449 CAPA: one capability per line, a tag then arguments
 * ("SASL PLAIN LOGIN", "IMPLEMENTATION Dovecot"). Kept as the set of tags,
 * upper-cased, plus "SASL <MECH>" for each SASL mechanism offered, so callers ask
 * `has('PIPELINING')` or `has('SASL PLAIN')`.
 */
export function parseCapabilities(lines: string[]): Set<string> {
  const capabilities = new Set<string>();
  for (const line of lines) {
    const [tag, ...args] = line.trim().split(/\s+/);
    if (!tag) continue;
    const name = tag.toUpperCase();
    capabilities.add(name);
    if (name === 'SASL') for (const mechanism of args) capabilities.add(`SASL ${mechanism.toUpperCase()}`);
  }
  return capabilities;
}
