import type { ParsedAttachment } from './parse-source';
import type { StructurePart } from './structure';

/**
 * The attachments of a message known only by its source (a POP3 download, an
 * imported file, a local Sent copy: no server gave a BODYSTRUCTURE), as a
 * structure the reader lists and saves them from. Part numbers are the
 * parser's IMAP section numbers, so saving cuts the same part out of the
 * source; sizes are the decoded ones, exact. Images an HTML body shows in
 * place are left out, as they are for a message read over IMAP.
 */
export function structureFromParsed(attachments: ParsedAttachment[]): StructurePart {
  const leaves = attachments
    .filter((attachment) => !attachment.inline)
    .map((attachment): StructurePart => ({
      part: attachment.partId,
      type: attachment.contentType.toLowerCase(),
      parameters: {},
      encoding: null,
      size: attachment.size,
      disposition: 'attachment',
      filename: attachment.filename,
      contentId: attachment.contentId,
    }));
  return { part: '', type: 'multipart/mixed', parameters: {}, encoding: null, size: 0, disposition: null, filename: null, contentId: null, children: leaves };
}
