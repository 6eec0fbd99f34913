import { readFile } from 'node:fs/promises';
import { WrenError } from '../errors/wren-error';
import type { ImapClient } from './imap-client';

export interface Appended {
  /** With UIDPLUS (APPENDUID): the UID the message got, and the folder's UIDVALIDITY. */
  uid: number | null;
  uidValidity: number | null;
}

/** Flags a client may set by APPEND: \Recent belongs to the server's sessions and \Deleted would hide the message. */
function appendableFlags(flags: string[]): string[] {
  return flags.filter((flag) => !/^\\(recent|deleted)$/i.test(flag));
}

/**
 * APPENDs a message to `path` with its flags and arrival time. imapflow sends
 * a literal from a Buffer, so the message is whole in memory for the duration
 * of the command (one message, not a folder).
 */
export async function appendMessage(client: ImapClient, path: string, content: Buffer, flags: string[], internalDate: number | null = null): Promise<Appended> {
  const result = await client.append(path, content, appendableFlags(flags), internalDate === null ? undefined : new Date(internalDate));
  if (!result) throw new WrenError('ServerSaid', `The server refused to store a message in ${path} (the folder may be gone).`, { folder: path });
  return {
    uid: result.uidValidity !== undefined && typeof result.uid === 'number' ? result.uid : null,
    uidValidity: result.uidValidity === undefined ? null : Number(result.uidValidity),
  };
}

/** The same for a source kept as a file of the blob store. */
export async function appendMessageFile(client: ImapClient, path: string, sourceFile: string, flags: string[], internalDate: number | null): Promise<Appended> {
  return appendMessage(client, path, await readFile(sourceFile), flags, internalDate);
}
