import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lab } from './lab';

/**
 * Makes a folder read-only for its owner through Dovecot's ACL plugin (a lab
 * started with `acl: true`): lookup and read rights only, so SELECT answers
 * [READ-ONLY] and a COPY into it is refused with [NOPERM]. Only top-level
 * ASCII names (Maildir++ `.Name`). Sessions opened afterwards see it.
 */
export async function makeFolderReadOnly(lab: Lab, user: string, folder: string): Promise<void> {
  await writeFile(path.join(lab.maildir(user), `.${folder}`, 'dovecot-acl'), 'owner lr\n', { mode: 0o644 });
}
