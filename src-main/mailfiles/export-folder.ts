import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WrenError } from '../errors/wren-error';
import { toLocalFault } from '../errors/local-fault';
import type { StoredBlob } from '../store/blob-store';
import type { Store } from '../store/store';
import { mboxrdMessage } from './mbox-writer';

export interface ExportRow {
  id: number;
  sender: string;
  at: number;
}

/**
 * Writes a folder's messages, oldest first, as one mboxrd file or as a
 * directory of .eml files, streaming each source from the blob store (a
 * message not downloaded yet is fetched first through `sourceOf`). The mbox
 * is written beside its name and renamed into place when whole.
 */
export async function exportFolder(store: Store, folderId: number, format: 'mbox' | 'eml', path: string, sourceOf: (id: number) => Promise<StoredBlob>): Promise<number> {
  const rows = exportRows(store, folderId);
  try {
    if (format === 'eml') await exportEml(store, rows, path, sourceOf);
    else await exportMbox(store, rows, path, sourceOf);
  } catch (error) {
    throw toLocalFault(error) ?? error;
  }
  return rows.length;
}

/** The folder's messages to export, oldest first. */
export function exportRows(store: Store, folderId: number): ExportRow[] {
  if (!store.folders.get(folderId)) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
  return store.db
    .prepare('SELECT id, from_addr AS sender, coalesce(internal_date, date, sort_date) AS at FROM messages WHERE folder_id = ? ORDER BY sort_date, id')
    .all(folderId) as ExportRow[];
}

/** The rows as one mboxrd stream (the web mode sends it as a download). */
export async function* mboxOf(store: Store, rows: ExportRow[], sourceOf: (id: number) => Promise<StoredBlob>): AsyncGenerator<Buffer> {
  for (const row of rows) {
    const source = await sourceOf(row.id);
    yield* mboxrdMessage(row.sender, new Date(row.at), store.blobs.read(source.blob));
  }
}

async function exportMbox(store: Store, rows: ExportRow[], path: string, sourceOf: (id: number) => Promise<StoredBlob>): Promise<void> {
  const temp = `${path}.part`;
  try {
    await pipeline(Readable.from(mboxOf(store, rows, sourceOf)), createWriteStream(temp, { mode: 0o600 }));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function exportEml(store: Store, rows: ExportRow[], dir: string, sourceOf: (id: number) => Promise<StoredBlob>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const width = String(rows.length).length;
  for (const [index, row] of rows.entries()) {
    const source = await sourceOf(row.id);
    await pipeline(store.blobs.read(source.blob), createWriteStream(join(dir, `${String(index + 1).padStart(width, '0')}.eml`), { mode: 0o600 }));
  }
}
