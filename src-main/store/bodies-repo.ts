import type { Db } from './open-database';
import type { StoredBlob } from './blob-store';
import { PreparedStatements } from './prepared-statements';

export interface CachedBody {
  text: string | null;
  html: string | null;
  warnings: string[];
}

/** Decoded bodies (in the database) and references to parts and sources (in the blob store). */
export class BodiesRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  saveBody(messageId: number, body: CachedBody): void {
    this.statements
      .get(
        `INSERT INTO message_bodies (message_id, text, html, warnings_json, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (message_id) DO UPDATE SET text = excluded.text, html = excluded.html,
           warnings_json = excluded.warnings_json, fetched_at = excluded.fetched_at`,
      )
      .run(messageId, body.text, body.html, JSON.stringify(body.warnings), Date.now());
  }

  body(messageId: number): CachedBody | undefined {
    const row = this.statements.get('SELECT text, html, warnings_json FROM message_bodies WHERE message_id = ?').get(messageId) as
      | { text: string | null; html: string | null; warnings_json: string }
      | undefined;
    return row ? { text: row.text, html: row.html, warnings: JSON.parse(row.warnings_json) as string[] } : undefined;
  }

  saveSource(messageId: number, stored: StoredBlob): void {
    this.statements
      .get('INSERT INTO message_sources (message_id, blob, size) VALUES (?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET blob = excluded.blob, size = excluded.size')
      .run(messageId, stored.blob, stored.size);
  }

  /** The source's file was found damaged: without the row, the next `sync --bodies` or opening fetches it again. */
  forgetSource(messageId: number): void {
    this.statements.get('DELETE FROM message_sources WHERE message_id = ?').run(messageId);
  }

  /** The blobs holding the sources of a folder's messages. */
  sourceBlobsIn(folderId: number): string[] {
    return this.statements.pluck('SELECT s.blob FROM messages m JOIN message_sources s ON s.message_id = m.id WHERE m.folder_id = ?').all(folderId) as string[];
  }

  source(messageId: number): StoredBlob | undefined {
    return this.statements.get('SELECT blob, size FROM message_sources WHERE message_id = ?').get(messageId) as StoredBlob | undefined;
  }

  savePart(messageId: number, partId: string, stored: StoredBlob): void {
    this.statements
      .get('INSERT INTO message_parts (message_id, part_id, blob, size) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET blob = excluded.blob, size = excluded.size')
      .run(messageId, partId, stored.blob, stored.size);
  }

  /** The header block fetched when the message was opened without its source (see migration 0037). */
  saveHeaderBlock(messageId: number, block: Buffer): void {
    this.statements.get('INSERT INTO message_header_blocks (message_id, block) VALUES (?, ?) ON CONFLICT DO UPDATE SET block = excluded.block').run(messageId, block);
  }

  headerBlock(messageId: number): Buffer | undefined {
    return this.statements.pluck('SELECT block FROM message_header_blocks WHERE message_id = ?').get(messageId) as Buffer | undefined;
  }

  part(messageId: number, partId: string): StoredBlob | undefined {
    return this.statements.get('SELECT blob, size FROM message_parts WHERE message_id = ? AND part_id = ?').get(messageId, partId) as StoredBlob | undefined;
  }
}
