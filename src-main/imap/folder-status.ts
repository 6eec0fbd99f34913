import type { ImapClient } from './imap-client';

export interface FolderStatus {
  uidNext: number | null;
  uidValidity: number | null;
}

/** STATUS of a folder that need not be selected; null when the server says it does not exist. */
export async function folderStatus(client: ImapClient, path: string): Promise<FolderStatus | null> {
  const status = await client.status(path, { uidNext: true, uidValidity: true });
  if (!status) return null;
  return { uidNext: status.uidNext ?? null, uidValidity: status.uidValidity === undefined ? null : Number(status.uidValidity) };
}
