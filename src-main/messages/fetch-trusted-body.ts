import { codedWarning } from '../errors/warning-codes';
import { emptyAgainstItsSize, hasUnsplittableMultipart } from '../mime/structure-trust';
import type { StructurePart } from '../mime/structure';
import type { CachedBody } from '../store/bodies-repo';
import type { MessageRecord } from '../store/messages-repo';
import { fetchDisplayBody } from './fetch-display-body';
import type { ImapClient } from '../imap/imap-client';

/**
 * The display parts by the server's BODYSTRUCTURE, or null when that
 * structure cannot be trusted (a multipart without a boundary; parts that
 * come back empty while the message's bytes lie outside them): then only
 * the full source shows the text (see fromFullSource).
 */
export async function fetchTrustedBody(client: ImapClient, record: MessageRecord, structure: StructurePart): Promise<CachedBody | null> {
  if (hasUnsplittableMultipart(structure)) return null;
  const body = await fetchDisplayBody(client, record.folderPath, record.uid!, structure);
  return emptyAgainstItsSize(body, structure, record.size) ? null : body;
}

/** A body read from the full source instead of the server's structure says so, when it shows something. */
export function fromFullSource(parsed: CachedBody): CachedBody {
  const shows = Boolean(parsed.text?.trim() || parsed.html?.trim());
  return shows ? { ...parsed, warnings: [codedWarning('StructureUntrusted'), ...parsed.warnings] } : parsed;
}
