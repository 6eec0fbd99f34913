import type { ImapClient } from './imap-client';

/**
 * Some body parts of one message of the selected folder, raw (still in their
 * transfer encoding), in one FETCH with BODY.PEEK so nothing is marked read
 * as a side effect. Empty when the message is gone.
 *
 * A connection that had the folder open before the message arrived (the
 * sync saw it on another connection) has not been told of it yet: the server
 * answers the FETCH with nothing for it, announcing it (EXISTS) only with
 * that answer. Then the FETCH is asked once more, now that it is known.
 */
export async function fetchParts(client: ImapClient, uid: number, parts: string[]): Promise<Map<string, Buffer>> {
  const found = await fetchRows(client, uid, parts);
  return found.size > 0 ? found : fetchRows(client, uid, parts);
}

/** Every row of the answer for this UID (a server may split it, or add unsolicited rows for others). */
async function fetchRows(client: ImapClient, uid: number, parts: string[]): Promise<Map<string, Buffer>> {
  const rows = await client.fetchAll(String(uid), { uid: true, bodyParts: parts }, { uid: true });
  const found = new Map<string, Buffer>();
  for (const row of rows) {
    if (row.uid !== uid) continue;
    for (const [part, content] of row.bodyParts ?? []) found.set(part, content);
  }
  return found;
}
