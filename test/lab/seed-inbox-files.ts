// Seeds a user's empty INBOX with thousands of messages by writing Maildir files straight into
// Dovecot's cur/ folder: an order of magnitude faster than one APPEND each. Dovecot assigns the
// UIDs (in file name order) when the folder is next opened.
import { chown, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAIL_USER } from './dovecot-config.js';
import { connectImap } from './imap-util.js';
import type { Lab } from './lab.js';
import { lookupUser } from './system-user.js';

/** Files written at once. */
const WRITE_BATCH = 64;

export async function seedInboxFiles(lab: Lab, user: string, sources: string[]): Promise<void> {
  await openInbox(lab, user, 0);
  const cur = path.join(lab.maildir(user), 'cur');
  const owner = lookupUser(MAIL_USER);
  const stamp = Math.floor(Date.now() / 1000);
  for (let first = 0; first < sources.length; first += WRITE_BATCH) {
    await Promise.all(
      sources.slice(first, first + WRITE_BATCH).map(async (source, offset) => {
        const index = first + offset;
        const bytes = Buffer.from(source.replace(/\r?\n/g, '\r\n'));
        // The zero-padded counter keeps the file names, and so the UIDs, in the order given.
        const file = path.join(cur, `${stamp}.M${String(index).padStart(6, '0')}P4242.wren-lab,S=${bytes.length},W=${bytes.length}:2,`);
        await writeFile(file, bytes, { mode: 0o600 });
        await chown(file, owner.uid, owner.gid);
      }),
    );
  }
  await openInbox(lab, user, sources.length);
}

/** Opening INBOX makes Dovecot create the Maildir (first call) and index the new files (second). */
async function openInbox(lab: Lab, user: string, expected: number): Promise<void> {
  const client = await connectImap(lab, user);
  try {
    const mailbox = await client.mailboxOpen('INBOX');
    if (mailbox.exists !== expected) throw new Error(`Dovecot sees ${mailbox.exists} messages in ${user}'s INBOX, expected ${expected}`);
  } finally {
    await client.logout();
  }
}
