import { Resolver } from 'node:dns/promises';
import type { Readable } from 'node:stream';
import { dkimVerify } from '../system/first-use-packages';

/** The fields RFC 8058 (section 4) wants a valid DKIM signature to cover before a client posts. */
const SIGNED_FIELDS = ['list-unsubscribe', 'list-unsubscribe-post'];

/** Verdicts kept for the messages opened lately: each open of a list's message asks again. */
const REMEMBERED = 500;

/** A DKIM key lookup that does not answer soon enough leaves the message unverified, not the pane waiting. */
const DNS_TIMEOUT_MS = 4000;

/**
 * Whether a message's one-click unsubscription may be used: RFC 8058 (section 4) has the sender sign
 * List-Unsubscribe and List-Unsubscribe-Post with DKIM, so that a forged message cannot make the client post
 * to an address of the forger's choosing. mailauth (by imapflow's and nodemailer's author) verifies the
 * signatures over the whole source, the public keys looked up in DNS. A message whose check fails, or
 * cannot be made now (offline, no DNS), is unverified: the user then gets the list's page instead.
 * Verdicts are kept per message: its source and the sender's key do not change while Wren runs.
 */
export class OneClickChecks {
  private readonly verdicts = new Map<number, boolean>();
  private readonly resolver: Resolver;

  /** `dnsServer`: "HOST:PORT" of the DNS server to ask (a test's); the system's when null. */
  constructor(dnsServer: string | null) {
    this.resolver = new Resolver({ timeout: DNS_TIMEOUT_MS, tries: 2 });
    if (dnsServer) this.resolver.setServers([dnsServer]);
  }

  /** `source` opens the message's whole source; it may throw (offline), which leaves the message unverified now. */
  async verified(messageId: number, source: () => Promise<Readable>): Promise<boolean> {
    const known = this.verdicts.get(messageId);
    if (known !== undefined) return known;
    let verdict: boolean;
    try {
      verdict = await signedForOneClick(await source(), this.resolver);
    } catch {
      return false;
    }
    this.remember(messageId, verdict);
    return verdict;
  }

  private remember(messageId: number, verdict: boolean): void {
    if (this.verdicts.size >= REMEMBERED) this.verdicts.delete(this.verdicts.keys().next().value!);
    this.verdicts.set(messageId, verdict);
  }
}

/** One signature that passes and covers both fields is enough; which domain signed is not checked (RFC 8058 asks none). */
async function signedForOneClick(source: Readable, resolver: Resolver): Promise<boolean> {
  const { results } = await dkimVerify()(source, { resolver: (name, type) => resolver.resolve(name, type) as Promise<string[][] | string[]> });
  return results.some((result) => {
    if (result.status.result !== 'pass') return false;
    const signed = signedFieldsOf(result);
    return SIGNED_FIELDS.every((field) => signed.has(field));
  });
}

/** The header fields a signature covers, lower-cased (mailauth's `signingHeaders.keys`: "From: Subject: …"). */
function signedFieldsOf(result: object): Set<string> {
  const keys = (result as { signingHeaders?: { keys?: string } }).signingHeaders?.keys ?? '';
  return new Set(keys.split(':').map((field) => field.trim().toLowerCase()).filter(Boolean));
}
