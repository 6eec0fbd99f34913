import type { SearchObject } from 'imapflow';
import { expect } from 'vitest';
import { connectImap } from './imap-util';
import type { Lab, LabUser } from './lab';

/** The subjects in a folder as the server has them, read over a second IMAP session ("another device"). */
export async function serverSubjects(lab: Lab, user: LabUser, folder: string): Promise<string[]> {
  const client = await connectImap(lab, user.email);
  try {
    const mailbox = await client.mailboxOpen(folder, { readOnly: true });
    if (mailbox.exists === 0) return [];
    const subjects: string[] = [];
    for await (const message of client.fetch('1:*', { envelope: true })) subjects.push(message.envelope?.subject ?? '');
    return subjects.sort();
  } finally {
    await client.logout();
  }
}

/** The folders the server lists for the user, by path, each with whether it is subscribed ("another device" looking). */
export async function serverFolderPaths(lab: Lab, user: LabUser): Promise<Map<string, boolean>> {
  const client = await connectImap(lab, user.email);
  try {
    return new Map((await client.list()).map((entry) => [entry.path, entry.subscribed === true]));
  } finally {
    await client.logout();
  }
}

/** The subjects of the folder's messages that match an IMAP SEARCH (flagged, unseen…). */
export async function serverMatching(lab: Lab, user: LabUser, folder: string, query: SearchObject): Promise<string[]> {
  const client = await connectImap(lab, user.email);
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const uids = (await client.search(query, { uid: true })) || [];
    if (uids.length === 0) return [];
    const subjects: string[] = [];
    for await (const message of client.fetch(uids, { envelope: true }, { uid: true })) subjects.push(message.envelope?.subject ?? '');
    return subjects.sort();
  } finally {
    await client.logout();
  }
}

/** Waits until the server agrees (the journal replays in the background); fails with the last answer. */
export async function serverEventually(read: () => Promise<string[]>, expected: string[]): Promise<void> {
  let last: string[] = [];
  for (let attempt = 0; attempt < 120; attempt++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify([...expected].sort())) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(last).toEqual([...expected].sort());
}

/** The source of the message with this subject in a folder, once it is there (sending runs in the background); fails after 40 s. */
export async function serverSourceEventually(lab: Lab, user: LabUser, folder: string, subject: string): Promise<string> {
  for (let attempt = 0; attempt < 160; attempt++) {
    const client = await connectImap(lab, user.email);
    try {
      const mailbox = await client.mailboxOpen(folder, { readOnly: true });
      if (mailbox.exists > 0) {
        for await (const message of client.fetch('1:*', { envelope: true, source: true })) {
          if (message.envelope?.subject === subject) return message.source!.toString();
        }
      }
    } finally {
      await client.logout();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${subject} never reached ${user.email}'s ${folder}`);
}
