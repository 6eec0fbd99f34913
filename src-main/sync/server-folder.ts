import type { FolderRole } from '../ipc/contract';

/**
 * A folder as a mail server lists it, whatever the protocol: what an IMAP
 * LIST gives (a POP3 source lists only its Inbox) and what the store makes
 * its folder rows from. Neither the protocol layer's nor the store's own type.
 */
export interface ServerFolder {
  path: string;
  name: string;
  parentPath: string | null;
  delimiter: string | null;
  role: FolderRole | null;
  selectable: boolean;
  subscribed: boolean;
}
