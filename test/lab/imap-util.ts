// IMAP helpers for setting up server state in tests (imapflow as a tool, not as the product).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import type { Lab, SeedOptions } from './lab.js';

const run = promisify(execFile);

export interface ImapConnectOptions {
  /** 'imaps' (implicit TLS, default), 'starttls' (plain port, STARTTLS required) or 'plain' (no TLS at all). */
  mode?: 'imaps' | 'starttls' | 'plain';
  password?: string;
}

/** Logs a lab user in over TLS verified against the lab certificate. Caller must logout(). */
export async function connectImap(lab: Lab, user: string, options: ImapConnectOptions = {}): Promise<ImapFlow> {
  const mode = options.mode ?? 'imaps';
  const client = new ImapFlow({
    host: lab.host,
    port: mode === 'imaps' ? lab.ports.imaps : lab.ports.imap,
    secure: mode === 'imaps',
    // imapflow: true = STARTTLS required, false = never upgrade.
    doSTARTTLS: mode === 'imaps' ? undefined : mode === 'starttls',
    tls: { ca: [lab.certPem] },
    auth: { user, pass: options.password ?? passwordOf(lab, user) },
    logger: false,
    disableAutoIdle: true,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  // Without a listener, a late socket error would crash the test process.
  client.on('error', () => {});
  await client.connect();
  return client;
}

function passwordOf(lab: Lab, user: string): string {
  const found = lab.users.find((u) => u.email === user.toLowerCase());
  if (!found) throw new Error(`not a lab user: ${user}`);
  return found.password;
}

export async function seedMessages(
  lab: Lab,
  user: string,
  folder: string,
  messages: Array<string | Buffer>,
  opts: SeedOptions = {},
): Promise<void> {
  const client = await connectImap(lab, user);
  try {
    // Subscribed, as a mail client subscribes the folders it creates (Wren lists only subscribed ones by default).
    if (folder.toUpperCase() !== 'INBOX') await client.mailboxCreate(folder).then(() => client.mailboxSubscribe(folder));
    for (const message of messages) {
      await client.append(folder, message, opts.flags ?? [], opts.date ?? new Date());
    }
  } finally {
    await client.logout();
  }
}

/** How many messages with this subject a lab user's Inbox holds, as another client sees it (e2e: what arrived, and how often). */
export async function inboxCountBySubject(lab: Lab, user: string, subject: string): Promise<number> {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    return ((await client.search({ header: { Subject: subject } }, { uid: true })) || []).length;
  } finally {
    await client.logout();
  }
}

interface SavedMessage {
  source: Buffer;
  flags: string[];
  date: Date;
}

/**
 * Forces a UIDVALIDITY change while keeping the folder's messages, like a server that rebuilt
 * its index. Other folders are deleted and recreated over IMAP with the messages re-appended
 * (so UIDs restart too); INBOX cannot be deleted, so there doveadm sets a new UIDVALIDITY and
 * the messages keep their UIDs.
 */
export async function recreateFolder(
  lab: Lab,
  user: string,
  folder: string,
): Promise<{ oldUidValidity: bigint; newUidValidity: bigint }> {
  const client = await connectImap(lab, user);
  try {
    const mailbox = await client.mailboxOpen(folder);
    const oldUidValidity = mailbox.uidValidity;
    if (folder.toUpperCase() === 'INBOX') {
      await client.mailboxClose();
      await doveadm(lab, ['mailbox', 'update', '-u', user, '--uid-validity', String(oldUidValidity + 1n), 'INBOX']);
    } else {
      const saved = mailbox.exists > 0 ? await fetchAllMessages(client) : [];
      await client.mailboxClose();
      const subscribed = (await client.list()).some((entry) => entry.path === folder && entry.subscribed);
      await client.mailboxDelete(folder);
      await client.mailboxCreate(folder);
      if (subscribed) await client.mailboxSubscribe(folder);
      for (const message of saved) await client.append(folder, message.source, message.flags, message.date);
    }
    const status = await client.status(folder, { uidValidity: true });
    if (!status || status.uidValidity === undefined) throw new Error(`no STATUS for ${folder}`);
    return { oldUidValidity, newUidValidity: status.uidValidity };
  } finally {
    await client.logout();
  }
}

async function fetchAllMessages(client: ImapFlow): Promise<SavedMessage[]> {
  const fetched = await client.fetchAll('1:*', { source: true, flags: true, internalDate: true });
  return fetched.map((message) => ({
    source: message.source ?? Buffer.alloc(0),
    // \Recent is server-managed and cannot be APPENDed.
    flags: [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent'),
    date: new Date(message.internalDate ?? Date.now()),
  }));
}

/** Runs doveadm against this lab's Dovecot (its own config, not /etc/dovecot). */
export async function doveadm(lab: Lab, args: string[]): Promise<string> {
  const { stdout } = await run('doveadm', ['-c', lab.configPath, ...args]);
  return stdout;
}
