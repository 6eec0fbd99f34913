/**
 * RFC 2449 CAPA: one capability per line, a tag then arguments
 * ("SASL PLAIN LOGIN", "LOGIN-DELAY 900", "EXPIRE NEVER"). Kept as the set of
 * tags, upper-cased, plus "<TAG> <ARG>" for each argument, so callers ask
 * `has('PIPELINING')`, `has('SASL PLAIN')` or `has('EXPIRE 0')` (the server
 * deletes what was retrieved: mail cannot be left on it).
 */
export function parseCapabilities(lines: string[]): Set<string> {
  const capabilities = new Set<string>();
  for (const line of lines) {
    const [tag, ...args] = line.trim().split(/\s+/);
    if (!tag) continue;
    const name = tag.toUpperCase();
    capabilities.add(name);
    for (const arg of args) capabilities.add(`${name} ${arg.toUpperCase()}`);
  }
  return capabilities;
}

/** The number a capability carries ("LOGIN-DELAY 900" → 900), or null. */
export function capabilityNumber(capabilities: ReadonlySet<string>, tag: string): number | null {
  const prefix = `${tag.toUpperCase()} `;
  for (const capability of capabilities) {
    if (capability.startsWith(prefix) && /^\d+$/.test(capability.slice(prefix.length))) return Number(capability.slice(prefix.length));
  }
  return null;
}
