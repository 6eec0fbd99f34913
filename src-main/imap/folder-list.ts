import type { ListResponse } from 'imapflow';
import type { FolderRole } from '../ipc/contract';
import type { ImapClient } from './imap-client';
import type { ServerFolder } from '../sync/server-folder';


const SPECIAL_USE_ROLES: Record<string, FolderRole> = {
  '\\Inbox': 'inbox',
  '\\Sent': 'sent',
  '\\Drafts': 'drafts',
  '\\Trash': 'trash',
  '\\Junk': 'junk',
  '\\Archive': 'archive',
  '\\All': 'all',
  '\\Flagged': 'flagged',
};

/** The server's folders with hierarchy and special-use roles (imapflow also guesses roles from common names). */
export async function listRemoteFolders(client: ImapClient): Promise<ServerFolder[]> {
  const entries = await client.list();
  return entries.map(toRemoteFolder);
}

function toRemoteFolder(entry: ListResponse): ServerFolder {
  const role = entry.specialUse ? SPECIAL_USE_ROLES[entry.specialUse] ?? null : null;
  return {
    path: entry.path,
    name: entry.name,
    parentPath: entry.parentPath || null,
    delimiter: entry.delimiter || null,
    role: entry.path.toUpperCase() === 'INBOX' ? 'inbox' : role,
    selectable: !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent'),
    // imapflow leaves it unset for a folder the server does not list as subscribed (and sets it on every
    // folder when the server cannot tell, so nothing is hidden for want of LSUB).
    subscribed: entry.subscribed === true,
  };
}
