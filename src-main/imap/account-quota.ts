import type { QuotaUsage } from '../ipc/contract';
import type { ServerQuota } from '../sync/server-quota';
import type { ImapClient } from './imap-client';

/** One resource of imapflow's GETQUOTAROOT answer (storage already in bytes). */
interface QuotaResource {
  usage?: number;
  limit?: number;
}

/**
 * The Inbox's quota root (RFC 9208 GETQUOTAROOT, GETQUOTA when the server leaves the QUOTA
 * answer out), as Thunderbird shows it: what most servers count against the whole account.
 * Null: the server has no QUOTA extension, or sets no limit. Undefined: it has one but did not
 * answer this time (imapflow turns any failure of the command into false): the last reading
 * stands rather than the quota seeming to vanish.
 */
export async function readQuota(client: ImapClient): Promise<ServerQuota | null | undefined> {
  const answer = await client.getQuota('INBOX');
  if (answer === false || answer === undefined) return hasQuotaExtension(client) ? undefined : null;
  const resources = answer as unknown as Record<string, QuotaResource | undefined>;
  const storage = usageOf(resources.storage);
  const messages = usageOf(resources.message ?? resources.messages);
  return storage || messages ? { storage, messages } : null;
}

function hasQuotaExtension(client: ImapClient): boolean {
  return [...client.capabilities.keys()].some((name) => name === 'QUOTA' || name.startsWith('QUOTA=RES-'));
}

/** A resource with no limit (or a limit of 0, which some servers send for "none") is no quota. */
function usageOf(resource: QuotaResource | undefined): QuotaUsage | null {
  if (!resource?.limit) return null;
  return { used: resource.usage ?? 0, limit: resource.limit };
}
