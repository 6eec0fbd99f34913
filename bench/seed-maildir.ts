// Seeds one user's INBOX by writing Maildir files straight into Dovecot's cur/ folder: an
// order of magnitude faster than APPEND, and byte-exact. Dovecot assigns UIDs (in file name
// order, which starts with the delivery time) when the folder is next opened.
import { chown, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HEADER_FIELDS } from '../src-main/imap/fetch-headers';
import { connectImap, type Lab } from '../test/lab/lab';
import { MAIL_USER } from '../test/lab/dovecot-config';
import { lookupUser } from '../test/lab/system-user';
import { generateMessage, type GeneratedMessage, type MailboxPlan, type MessageKind } from './generator/generate-message';

export interface SeededMailbox {
  messages: number;
  bytes: number;
  byKind: Record<MessageKind, { messages: number; bytes: number }>;
  seen: number;
  flagged: number;
  largestBytes: number;
  /** Generating and writing the files; Dovecot indexing them; the untimed warm-up fetch. */
  timings: { writeMs: number; indexMs: number; warmUpMs: number };
}

/** Files written at once: enough to keep the disk busy while the next ones are generated. */
const WRITE_BATCH = 64;

export async function seedInbox(lab: Lab, user: string, plan: MailboxPlan, onProgress: (done: number) => void): Promise<SeededMailbox> {
  const cur = await inboxCurDir(lab, user);
  const owner = lookupUser(MAIL_USER);
  const stats = emptyStats();
  let started = performance.now();
  for (let first = 0; first < plan.count; first += WRITE_BATCH) {
    const batch: Array<Promise<void>> = [];
    for (let index = first; index < Math.min(plan.count, first + WRITE_BATCH); index += 1) {
      const message = generateMessage(index, plan);
      count(stats, message);
      batch.push(writeMaildirFile(cur, index, message, owner));
    }
    await Promise.all(batch);
    onProgress(Math.min(plan.count, first + WRITE_BATCH));
  }
  const writeMs = performance.now() - started;
  started = performance.now();
  await openAndCheck(lab, user, plan.count);
  const indexMs = performance.now() - started;
  started = performance.now();
  await warmUp(lab, user);
  const warmUpMs = performance.now() - started;
  return { ...stats, timings: { writeMs, indexMs, warmUpMs } };
}

/** Logging in and opening INBOX makes Dovecot create the Maildir with the right owner and modes. */
async function inboxCurDir(lab: Lab, user: string): Promise<string> {
  const client = await connectImap(lab, user);
  try {
    const mailbox = await client.mailboxOpen('INBOX');
    if (mailbox.exists !== 0) throw new Error(`${user}'s INBOX is not empty (${mailbox.exists} messages)`);
  } finally {
    await client.logout();
  }
  const cur = path.join(lab.maildir(user), 'cur');
  if (!existsSync(cur)) throw new Error(`Dovecot did not create ${cur}`);
  return cur;
}

/**
 * Maildir name "<secs>.M<usecs>P<pid>Q<n>.<host>,S=<size>,W=<size>:2,<flags>": S and W give
 * Dovecot the sizes without reading the file (equal, as the files already use CRLF), the
 * flags after ":2," are F(lagged), R(eplied), S(een) in ASCII order, and the file's mtime
 * is the INTERNALDATE.
 */
async function writeMaildirFile(cur: string, index: number, message: GeneratedMessage, owner: { uid: number; gid: number }): Promise<void> {
  const ms = message.internalDate.getTime();
  const flags = `${message.flags.flagged ? 'F' : ''}${message.flags.answered ? 'R' : ''}${message.flags.seen ? 'S' : ''}`;
  const size = message.source.length;
  const name = `${Math.floor(ms / 1000)}.M${(ms % 1000) * 1000}P4242Q${index}.wren-bench,S=${size},W=${size}:2,${flags}`;
  const file = path.join(cur, name);
  await writeFile(file, message.source, { mode: 0o600 });
  await chown(file, owner.uid, owner.gid);
  await utimes(file, message.internalDate, message.internalDate);
}

async function openAndCheck(lab: Lab, user: string, expected: number): Promise<void> {
  const client = await connectImap(lab, user);
  try {
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    if (mailbox.exists !== expected) throw new Error(`Dovecot sees ${mailbox.exists} messages in INBOX, expected ${expected}`);
  } finally {
    await client.logout();
  }
}

/**
 * One untimed pass over what the timed runs ask for, so every row meets the same warm server:
 * Dovecot's cache holds ENVELOPE and BODYSTRUCTURE, and the files are in the page cache.
 * (Otherwise whichever row ran first would pay for Dovecot parsing every message.)
 */
async function warmUp(lab: Lab, user: string): Promise<void> {
  const client = await connectImap(lab, user);
  try {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      // the items of wren's header sync (src-main/imap/run-fetch.ts), as in bench/imapflow-fetch.mjs.
      const query = { uid: true, flags: true, size: true, internalDate: true, bodyStructure: true, headers: HEADER_FIELDS };
      for await (const message of client.fetch('1:*', query)) void message;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

function emptyStats(): Omit<SeededMailbox, 'timings'> {
  const kind = () => ({ messages: 0, bytes: 0 });
  return { messages: 0, bytes: 0, byKind: { text: kind(), html: kind(), attachment: kind(), odd: kind() }, seen: 0, flagged: 0, largestBytes: 0 };
}

function count(stats: Omit<SeededMailbox, 'timings'>, message: GeneratedMessage): void {
  const size = message.source.length;
  stats.messages += 1;
  stats.bytes += size;
  stats.byKind[message.kind].messages += 1;
  stats.byKind[message.kind].bytes += size;
  if (message.flags.seen) stats.seen += 1;
  if (message.flags.flagged) stats.flagged += 1;
  stats.largestBytes = Math.max(stats.largestBytes, size);
}
