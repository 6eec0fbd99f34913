import { isMissingFolder } from './folder-exists';
import type { ImapClient } from './imap-client';

export interface FolderStatus {
  uidNext: number | null;
  uidValidity: number | null;
}

/** STATUS of a folder that need not be selected; null when the server says it does not exist. */
export async function folderStatus(client: ImapClient, path: string): Promise<FolderStatus | null> {
  let status: Awaited<ReturnType<ImapClient['status']>>;
  try {
    status = await client.status(path, { uidNext: true, uidValidity: true });
  } catch (error) {
    // imapflow throws for the NO a missing folder gets (it answers false only for some servers).
    if (isMissingFolder(client, error)) return null;
    throw error;
  }
  if (!status) return null;
  return { uidNext: status.uidNext ?? null, uidValidity: status.uidValidity === undefined ? null : Number(status.uidValidity) };
}
