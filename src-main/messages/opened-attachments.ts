import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store';
import { writeAttachment, type AttachmentFile } from './attachment-export';

/**
 * The copies of attachments handed to the operating system's viewers ("Open"), in a folder of
 * Wren's own that is emptied at each start, as Thunderbird empties its temporary files.
 *
 * Each copy gets a folder of its own, so two attachments named alike never meet and the viewer sees
 * the attachment's own name. The copy is read-only: a user who edits it and presses Save in the
 * viewer is told so there, instead of saving into a file that the next start deletes.
 */
export class OpenedAttachments {
  constructor(private readonly directory: string) {}

  /** Best effort: a file still held open by a viewer (Windows) stays until a later start. */
  clear(): void {
    rmSync(this.directory, { recursive: true, force: true, maxRetries: 2 });
  }

  /** Writes the copy to open. The caller has refused a file the OS would run (assertOpenable), before downloading it. */
  async place(store: Store, file: AttachmentFile): Promise<string> {
    const folder = join(this.directory, randomBytes(8).toString('hex'));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return writeAttachment(store, file, { path: join(folder, file.filename) }, { mode: 0o400 });
  }
}
