import type { Shell } from 'electron';
import { join } from 'node:path';
import type { SystemOpener } from '../app/handlers';
import { OpenedAttachments } from '../messages/opened-attachments';

/**
 * "Open" for attachments in the desktop app: copies under the app's data folder, handed to the
 * application the OS has for them. The copies of the last run are removed here, at start, when no
 * viewer of ours can still be reading them. Kept apart from electron-main.ts so that it is tested
 * without the Electron binary (a stand-in shell answers).
 */
export function openWithSystem(shell: Pick<Shell, 'openPath'>, dataDir: string): SystemOpener {
  const copies = new OpenedAttachments(join(dataDir, 'opened-attachments'));
  copies.clear();
  return { copies, openPath: (path) => shell.openPath(path) };
}
