import { importMailFiles } from '../mailfiles/import-mail-files';
import type { WrenCore } from './wren-core';

/**
 * Mail files into a folder, the one way every front end does it (the app's
 * dialog, the web mode's upload, the CLI's paths): streamed into the store,
 * and for a server's folder the APPENDs it journaled are replayed soon.
 */
export async function importIntoFolder(core: WrenCore, folderId: number, files: string[]): Promise<{ imported: number; skipped: number; files: number }> {
  const { imported, skipped, replay } = await importMailFiles(core.store, folderId, files);
  if (replay !== null) core.sync.replaySoon(replay);
  return { imported, skipped, files: files.length };
}
