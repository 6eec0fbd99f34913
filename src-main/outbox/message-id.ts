import { randomBytes } from 'node:crypto';

/**
 * A fresh Message-ID, with its angle brackets, on the sender's own domain
 * (RFC 5322 3.6.4). Assigned before the message is queued, so a send cut
 * short can be looked for in Sent by it.
 */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1]?.trim().toLowerCase() || 'wren.localhost';
  return `<${Date.now().toString(36)}.${randomBytes(12).toString('hex')}@${domain.replace(/[^a-z0-9.-]/g, '') || 'wren.localhost'}>`;
}
