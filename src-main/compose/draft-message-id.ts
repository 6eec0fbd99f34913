import { randomBytes } from 'node:crypto';

/** Each saved version of a draft has its own Message-ID (on the identity's domain), which finds it on the server after a crash. */
export function draftMessageId(fromAddress: string): string {
  const domain = (fromAddress.split('@')[1] ?? '').trim().toLowerCase().replace(/[^a-z0-9.-]/g, '') || 'wren.localhost';
  return `<draft.${Date.now().toString(36)}.${randomBytes(9).toString('hex')}@${domain}>`;
}
