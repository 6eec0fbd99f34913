import { fetchParts } from '../imap/fetch-parts';
import type { ImapClient } from '../imap/imap-client';
import { withFolder } from '../imap/with-folder';
import { bodyCharset } from '../mime/envelope';
import { repairLostFileNames, storedPartsWithLostNames } from '../mime/lost-file-names';
import type { StructurePart } from '../mime/structure';
import type { MessageRecord } from '../store/messages-repo';

/**
 * A message synced before the header sync read raw 8-bit file names again
 * (see fetch-lost-name-headers.ts) has U+FFFD in them in its stored
 * structure. When it is opened, the MIME headers of those parts (a few
 * hundred bytes each) are fetched and the names read from them. Returns the
 * repaired structure, or null when there was nothing to repair or no name
 * read any better (the caller then stores nothing).
 */
export async function repairNamesOnOpen(client: ImapClient, record: MessageRecord, structure: StructurePart): Promise<StructurePart | null> {
  const parts = storedPartsWithLostNames(structure);
  if (parts.length === 0 || record.uid === null) return null;
  const found = await withFolder(client, record.folderPath, () => fetchParts(client, record.uid!, parts.map((part) => `${part}.MIME`)), { readOnly: true });
  const blocks = Object.fromEntries(parts.flatMap((part) => {
    const block = found.get(`${part.toLowerCase()}.mime`);
    return block ? [[part, block.toString('latin1')]] : [];
  }));
  const repaired = structuredClone(structure);
  repairLostFileNames(repaired, blocks, bodyCharset(structure));
  return storedPartsWithLostNames(repaired).length < parts.length ? repaired : null;
}
