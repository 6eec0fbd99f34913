import type { AccountView, ComposedMessageOutput, FolderView, MessageSummary, MessageView } from '../../../src-main/ipc/contract';

export const ACCOUNT: AccountView = {
  id: 1,
  name: 'Work',
  email: 'alice@example.test',
  displayName: 'Alice',
  protocol: 'imap',
  incoming: { host: 'mail.example.test', port: 993, security: 'tls', user: 'alice' },
  smtp: null,
  pop3: { leave: 'keep', deleteAfterDays: null, maxMessageKb: null },
  allowPlaintext: false,
  auth: 'password',
  trustedCertSha256: null,
  smtpTrustedCertSha256: null,
  colour: '#2f6fdf',
  state: 'idle',
  lastError: null,
  retryAt: null,
  quota: null,
};

export function folder(id: number, path: string, extra: Partial<FolderView> = {}): FolderView {
  return { id, accountId: 1, parentId: null, path, name: path.split('/').at(-1)!, role: null, selectable: true, subscribed: true, total: 0, unread: 0, ...extra };
}

export const FOLDERS: FolderView[] = [
  folder(10, 'INBOX', { role: 'inbox', unread: 2, total: 3 }),
  folder(11, 'Sent', { role: 'sent' }),
  folder(12, 'Projects', { selectable: false }),
  folder(13, 'Projects/Wren', { parentId: 12 }),
];

export const SUMMARY: MessageSummary = {
  id: 100,
  folderId: 10,
  uid: 1,
  subject: 'Quarterly report',
  from: { name: 'Bob Sender', address: 'bob@example.test' },
  to: [{ name: 'Alice', address: 'alice@example.test' }],
  date: Date.UTC(2026, 0, 15, 9, 30),
  size: 2048,
  seen: false,
  flagged: true,
  answered: false,
  hasAttachments: true,
};

export const MESSAGE: MessageView = {
  ...SUMMARY,
  seen: true,
  to: [{ name: 'Alice', address: 'alice@example.test' }],
  cc: [],
  messageId: '<1@example.test>',
  text: 'Hello Alice,\n\nthe report is attached.',
  html: null,
  attachments: [{ partId: '2', filename: 'report.pdf', contentType: 'application/pdf', size: 3 * 1024 * 1024, inline: false, contentId: null }],
  flags: ['\\Seen', '\\Flagged'],
  warnings: ['Broken encoded word in Subject'],
};

/** A message as compose.start gives a new one (an empty one for the first account), with the fields a test sets. */
export function composedMessage(fields: Partial<ComposedMessageOutput> = {}): ComposedMessageOutput {
  return {
    accountId: 1, identityId: null, to: [], cc: [], bcc: [], subject: '', text: '', html: null, attachments: [], inReplyTo: null, references: [],
    origin: null, draftMessageId: null, draftKey: null, requestReceipt: false, writeAt: null, priority: 'normal', ...fields,
  };
}
