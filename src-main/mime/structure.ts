/**
 * A message's MIME tree as Wren keeps it (structure_json), normalized from
 * IMAP BODYSTRUCTURE or from a parsed source. `part` is the IMAP section
 * number ("1", "1.2") used for BODY.PEEK[part].
 */
export interface StructurePart {
  part: string;
  /** Lower-case "type/subtype". */
  type: string;
  parameters: Record<string, string>;
  encoding: string | null;
  size: number;
  disposition: string | null;
  /** Decoded (RFC 2047 / RFC 2231) file name, if any. */
  filename: string | null;
  contentId: string | null;
  children?: StructurePart[];
}
