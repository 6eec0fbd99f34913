import type { RefusedRecipient } from '../ipc/compose-shapes';

interface PartlyAccepted {
  rejected?: unknown[];
  /** nodemailer's error per refused recipient (RCPT TO, or an LMTP server's DATA reply), with the server's reply. */
  rejectedErrors?: Array<{ recipient?: unknown; response?: string; message?: string }>;
}

/**
 * The recipients a server refused while it took the message for the others, each with the server's own
 * reply: the user is told who did not get it and why ("550 5.1.1 … User unknown": a mistyped address).
 */
export function refusedRecipients(info: PartlyAccepted): RefusedRecipient[] {
  const replies = new Map((info.rejectedErrors ?? []).map((error) => [String(error.recipient), error.response ?? error.message ?? '']));
  return (info.rejected ?? []).map(String).map((address) => ({ address, reply: replies.get(address) ?? '' }));
}
