/**
 * A message's MIME tree as Wren keeps it (structure_json), normalized from
 * IMAP BODYSTRUCTURE or from a parsed source. `part` is the IMAP section
 * number ("1", "1.2") used for BODY.PEEK[part].
 */
export interface StructurePart {
  /**
   * IMAP section number. A single-part message's body is "1"; a multipart
   * root has no section of its own and is "" (its children are "1", "2"…).
   */
  part: string;
  /** Lower-case "type/subtype". */
  type: string;
  /** Content-Type parameters, lower-case names, values decoded by imapflow (charset, name, boundary…). */
  parameters: Record<string, string>;
  /** Lower-case Content-Transfer-Encoding, null when absent. */
  encoding: string | null;
  /** Size on the server, still transfer-encoded (BODYSTRUCTURE's body size); 0 for a multipart. */
  size: number;
  /** Lower-case Content-Disposition type ("attachment", "inline"), null when absent. */
  disposition: string | null;
  /** Decoded (RFC 2047 / RFC 2231) file name, if any. */
  filename: string | null;
  /** Content-ID without the angle brackets. */
  contentId: string | null;
  /** Only on multiparts; a forwarded message/rfc822 is kept as a leaf. */
  children?: StructurePart[];
}
