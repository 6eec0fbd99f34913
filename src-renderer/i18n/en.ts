import type { ErrorCode } from '../../src-main/errors/error-codes';

/** English is the reference: its keys define what every other language must say. */
const strings = {
  'app.loading': 'Loading…',
  'app.loadFailed': 'Wren could not load your accounts.',
  'app.retry': 'Try again',
  'app.connectionLost': 'The connection to Wren was lost. Reconnecting…',
  'language.label': 'Language',

  'setup.welcome': 'Welcome to Wren',
  'setup.intro': 'Add your mail account to get started. Wren keeps a copy of your mail on this computer, so you can read it offline.',

  'form.email': 'Email address',
  'form.displayName': 'Your name',
  'form.accountName': 'Account name',
  'form.incoming': 'Incoming mail (IMAP)',
  'form.outgoing': 'Outgoing mail (SMTP), optional, stored for later',
  'form.imapHost': 'IMAP server',
  'form.imapPort': 'IMAP port',
  'form.imapSecurity': 'IMAP security',
  'form.user': 'User name',
  'form.password': 'Password',
  'form.smtpHost': 'SMTP server',
  'form.smtpPort': 'SMTP port',
  'form.smtpSecurity': 'SMTP security',
  'form.smtpUser': 'SMTP user name',
  'form.allowPlaintext': 'Allow unencrypted connection (password sent in plain text)',
  'form.plaintextRequired': 'Tick “Allow unencrypted connection” to connect without security.',
  'form.invalidFields': 'Please check: {fields}',
  'form.test': 'Test connection',
  'form.testing': 'Testing…',
  'form.testOk': 'The connection works. You can save the account.',
  'form.save': 'Save',
  'form.saving': 'Saving…',

  'security.tls': 'TLS',
  'security.starttls': 'STARTTLS',
  'security.none': 'None (unencrypted)',

  'cert.heading': 'Certificate presented by the server',
  'cert.fingerprint': 'SHA-256 fingerprint',
  'cert.subject': 'Subject',
  'cert.issuer': 'Issuer',
  'cert.validFrom': 'Valid from',
  'cert.validTo': 'Valid until',
  'cert.selfSigned': 'Self-signed',
  'cert.yes': 'Yes',
  'cert.no': 'No',
  'cert.trust': 'Trust this certificate for this account',
  'cert.trusted': 'Trusting the certificate with fingerprint {fingerprint}.',

  'folders.heading': 'Folders',
  'folders.loading': 'Loading folders…',
  'folders.unread': '{count} unread',
  'folder.inbox': 'Inbox',
  'folder.sent': 'Sent',
  'folder.drafts': 'Drafts',
  'folder.trash': 'Trash',
  'folder.junk': 'Junk',
  'folder.archive': 'Archive',
  'folder.all': 'All Mail',
  'folder.flagged': 'Flagged',

  'messages.chooseFolder': 'Choose a folder.',
  'messages.empty': 'This folder is empty.',
  'messages.loadingRow': 'Loading…',
  'messages.noSubject': '(no subject)',
  'messages.unknownSender': '(unknown sender)',
  'messages.flagged': 'Flagged',
  'messages.hasAttachments': 'Has attachments',
  'messages.count': '{count} messages',

  'reading.choose': 'Choose a message to read it.',
  'reading.loading': 'Loading message…',
  'reading.from': 'From',
  'reading.to': 'To',
  'reading.cc': 'Cc',
  'reading.date': 'Date',
  'reading.subject': 'Subject',
  'reading.warnings': 'Wren met problems while decoding this message; some parts may look wrong:',
  'reading.noBody': 'This message has no text.',
  'reading.attachments': 'Attachments',
  'reading.saveAttachment': 'Save',
  'reading.viewSource': 'View source',
  'reading.hideSource': 'View message',
  'reading.flag': 'Flag',
  'reading.unflag': 'Remove flag',
  'reading.markUnread': 'Mark as unread',
  'reading.markRead': 'Mark as read',
  'reading.bodyOffline': 'The text of this message has not been downloaded yet and its server cannot be reached. It will appear when the account is back online.',
  'reading.retry': 'Try again',

  'markRead.label': 'Mark read',
  'markRead.opened': 'when opened',
  'markRead.delay': 'after {seconds} s',
  'markRead.never': 'never (only by hand)',
  'markRead.seconds': 'Delay (s)',

  'notify.enable': 'Enable notifications',
  'notify.enableHint': 'Show a desktop notification when new mail arrives',
  'notify.blocked': 'Notifications are blocked in this browser',
  'notify.newMessages': '{count} new messages',

  'account.add': 'Add account',
  'account.addHeading': 'Add a mail account',
  'dialog.close': 'Close',

  'warning.structureUntrusted': 'The server described this message’s parts wrongly, so Wren read it from its full source.',
  'warning.boundaryRecovered': 'The lines separating this message’s parts do not match the ones it declares; Wren found the parts from the lines actually used.',
  'warning.bodyShownAsText': 'Wren could not find where this message’s parts begin, so it shows the whole body as plain text.',
  'warning.hugeHeader': 'This message has an unusually large header block (over 1 MB).',
  'warning.manyParts': 'This message has an unusually large number of parts (over 1,000).',

  'remote.blocked': 'Remote content was blocked to protect your privacy.',
  'remote.load': 'Load remote content',
  'html.frameTitle': 'Message body',
  'html.partial': 'This message is long: showing its first {shown} of {total}.',
  'html.showRest': 'Show the rest',
  'html.preparing': 'Preparing the rest of the message… {percent}%',

  'status.offline': '{account} is offline.',
  'status.unreachable': 'Wren cannot reach the mail server of {account}.',
  'status.retryingAt': '{headline} Wren tries again at {time}.',
  'status.error': '{account} has a problem.',
  'status.localFault': '{account} cannot sync: the problem is on this computer, not on the mail server.',
  'sync.now': 'Sync now',
  'sync.nowTitle': 'Sync all accounts',
  'sync.progress': '{folder}: {done} of {total}, {phase}',
  'sync.phase.folders': 'folders',
  'sync.phase.headers': 'message list',
  'sync.phase.bodies': 'message bodies',

  'error.fingerprint': 'Certificate fingerprint (SHA-256): {fingerprint}',
  'error.where': 'Server: {where}',
  'error.detail': 'Details: {detail}',
};

export type StringKey = keyof typeof strings;

/**
 * Codes whose usual words are setup advice ("check the port"), right while an
 * account is being set up but misleading about one that worked before: the
 * background words say what happened instead (see describeError's context).
 */
export type BackgroundErrorCode = 'ConnectionRefused' | 'HostNotFound';

export interface Dictionary {
  strings: Record<StringKey, string>;
  /** Every ErrorCode must have words, or this fails to compile. */
  errors: Record<ErrorCode, string>;
  /** For an account that synced before. */
  backgroundErrors: Record<BackgroundErrorCode, string>;
}

export const en: Dictionary = {
  strings,
  errors: {
    UnknownMethod: 'Wren received a request it does not know. This is a bug in Wren.',
    BadRequest: 'Some of the information given is not valid.',
    NotFound: 'That item no longer exists. It may have been deleted.',
    Unauthorized: 'This page may not talk to Wren. Open it again with the link Wren printed when it started.',
    DatabaseTooNew: 'The mail database was written by a newer version of Wren. Please update Wren.',
    DatabaseUnreadable: 'The mail database cannot be read; it may be damaged. Wren left it untouched.',
    DataDirUnwritable: 'Wren cannot write to its data folder. Check that the folder exists and is writable.',
    SecretUnavailable: 'The saved password could not be read from the system’s password store.',
    DiskFull: 'The disk is full: Wren could not save mail. Free some space; nothing already saved was lost.',
    DataReadOnly: 'Wren’s data folder cannot be written to (read-only or no permission). Mail already saved can still be read.',
    DatabaseBusy: 'The mail database is busy in another Wren window or command. Wren will try again.',
    DatabaseCorrupt: 'The mail database is damaged. Wren stopped writing to it so nothing more is lost.',
    AuthFailed: 'The server rejected the user name or password.',
    TlsUntrusted: 'The server’s certificate is not trusted.',
    HostNotFound: 'No server by that name could be found. Check the server name.',
    ConnectionRefused: 'Nothing answers on that port. Check the port and the security setting.',
    Timeout: 'The server did not answer in time.',
    ConnectionLost: 'The connection was lost.',
    ServerStalled: 'The server stopped answering in the middle of a transfer.',
    PlaintextNotAllowed: 'Unencrypted connections are refused unless you allow them explicitly.',
    ServerSaid: 'The server refused the request.',
    Offline: 'You appear to be offline.',
    FolderProtected: 'This is a special folder (Inbox, Sent, Drafts, Trash, Junk or Archive): it cannot be renamed or deleted.',
    SyncStopped: 'The sync was stopped. Mail that had already arrived is kept; the next sync fetches the rest.',
    Internal: 'Something went wrong inside Wren. This is a bug in Wren.',
  },
  backgroundErrors: {
    ConnectionRefused: 'The server is not answering. It answered before, so your settings are most likely fine.',
    HostNotFound: 'The server’s name cannot be looked up right now; the network may be down.',
  },
};
