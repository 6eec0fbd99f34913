/**
 * Every fault Wren reports has one of these codes. The words a user reads are
 * chosen in the renderer (src-renderer/i18n) from the code, in English and
 * Chinese; `message` on the error is for logs and the CLI.
 *
 * Shared by the main process and the renderer, so it must stay free of Node APIs.
 */
export const ERROR_CODES = [
  // Request boundary
  'UnknownMethod',
  'BadRequest',
  'NotFound',
  'Unauthorized',
  // Local data
  'DatabaseTooNew',
  'DatabaseUnreadable',
  'DataDirUnwritable',
  'SecretUnavailable',
  'DiskFull',
  'DataReadOnly',
  'DatabaseBusy',
  'DatabaseCorrupt',
  // Network and servers
  'AuthFailed',
  'TlsUntrusted',
  'HostNotFound',
  'ConnectionRefused',
  'Timeout',
  'ConnectionLost',
  'ServerStalled',
  'PlaintextNotAllowed',
  'ServerSaid',
  // The server answered with something its protocol does not allow (garbage for a status line, a broken
  // listing): the server's fault or the wrong port, not the network's, so never "offline"; details.serverText has the line
  'ServerProtocolError',
  // The server asks for fewer requests (Microsoft 365's "Request is throttled", Gmail's [THROTTLED]): retried later, not "offline"
  'ServerThrottled',
  // Another command of the same connection held the folder for too long (imapflow's LockTimeout)
  'MailboxLockTimeout',
  'Offline',
  // The user chose to work offline (app.workOffline, Thunderbird's Work Offline): nothing connects until it is turned off; what
  // needs a server waits, as offline, but without retries on a timer
  'WorkingOffline',
  // OAuth2 sign-in: the user cancelled it (or it timed out), the provider refused it, or the
  // server and the provider no longer accept the account's tokens (sign in again)
  'OAuth2Cancelled',
  'OAuth2Failed',
  'OAuth2Rejected',
  // The browser sign-in was for another address than the account's (details: signedInAs, expected)
  'OAuth2WrongAccount',
  // POP3 (RFC 2449 response codes, and a server without UIDL)
  'Pop3InUse',
  'Pop3LoginDelay',
  'ServerTemporary',
  'Pop3NoUidl',
  // A special-use folder (Inbox, Sent, Trash…) may not be renamed or deleted
  'FolderProtected',
  // A folder operation made here met another device's change: the name is taken, or the folder was renamed or deleted
  'FolderExists',
  'FolderGone',
  // A folder name holding the separator the server (or the Local Folders) puts between a folder and its subfolders (details: FolderNameInvalidDetails)
  'FolderNameInvalid',
  // A folder delete met subfolders the user did not confirm (made since, here by a sync or on another device): nothing deleted
  'FolderHasNewSubfolders',
  // A folder move into the folder itself or one of its own subfolders (a RENAME no server does)
  'FolderIntoItself',
  // The server lets this account read the folder but not change it (SELECT said [READ-ONLY], or a NO [NOPERM] / [READ-ONLY])
  'FolderReadOnly',
  // The account's mailbox on the server is full (RFC 5530 [OVERQUOTA]): a move, copy or upload into it is refused until space is freed
  'ServerOverQuota',
  // Work stopped on purpose (Ctrl-C, quitting the app)
  'SyncStopped',
  // The search worker ended before it answered (it crashed, or Wren is quitting): searching again starts a new one
  'SearchStopped',
  // The sync worker thread died (a bug, or out of memory): the sync is retried with a new one, on the offline backoff
  'SyncWorkerStopped',
  'SmtpRejected',
  'SmtpDeferred',
  'NoSmtpServer',
  // A file given to import is neither an mbox nor one message
  'NotMailFile',
  // A file given to the Address Book's import holds no vCard (no BEGIN:VCARD at all)
  'NotVcardFile',
  // "Open" refused an attachment that the operating system would run as a program (details: filename); it can still be saved
  'AttachmentMayRun',
  // The operating system has no application for the file, or failed to start it (details: reason, in the OS's words)
  'NoAppToOpen',
  // Reply to List on a message that names no list address to post to (List-Post)
  'NoListAddress',
  // A mailing list's server answered a one-click unsubscription (RFC 8058) with an error (details: host, status)
  'UnsubscribeRefused',
  // A message on its way between folders of its server (a move, or an Undo's move back, the server has not taken yet): no UID to fetch it by
  'MessageInTransit',
  // An Undo of a copy met a copy moved or deleted since (here, or on the server before its delete was sent): nothing taken back
  'CopyChanged',
  // Anything we did not foresee; always a bug to fix
  'Internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Faults of this machine (the disk, the data folder, the database file): never "offline". */
export const LOCAL_FAULT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['DiskFull', 'DataReadOnly', 'DatabaseBusy', 'DatabaseCorrupt']);

/** What crosses the contract when a request fails. */
export interface ErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * What a FolderNameInvalid error carries: the name, the separator it may not hold, and whether the folder
 * is one of the Local Folders, or (`keptHere`) an account's kept on this computer only (POP3 has no folders
 * on its server). There the separator is Wren's own and no server is there to name, so the renderer words it
 * differently. A type, not an interface, so that it fits ErrorShape's details.
 */
export type FolderNameInvalidDetails = {
  name: string;
  delimiter: string;
  local: boolean;
  keptHere?: true;
};

/** Whether the error is a Local Folders name holding the separator. */
export function isLocalFolderNameInvalid(error: ErrorShape): boolean {
  return error.code === 'FolderNameInvalid' && error.details?.local === true;
}

/** Whether the error is a name holding the separator of a POP3 account's folders, which are kept on this computer only. */
export function isKeptHereFolderNameInvalid(error: ErrorShape): boolean {
  return error.code === 'FolderNameInvalid' && error.details?.keptHere === true;
}
