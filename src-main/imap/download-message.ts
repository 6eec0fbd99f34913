import type { Readable } from 'node:stream';
import { DOWNLOAD_CHUNK_BYTES } from './download-chunk';
import type { ImapClient } from './imap-client';

/**
 * Streams one message of the selected folder (its whole source, or one part
 * decoded by imapflow); undefined when the server no longer has it. The
 * stream must be read while the folder is still selected.
 */
export async function downloadMessage(client: ImapClient, uid: number, part?: string): Promise<Readable | undefined> {
  const { content } = await client.download(String(uid), part, { uid: true, chunkSize: DOWNLOAD_CHUNK_BYTES });
  return content ?? undefined;
}
