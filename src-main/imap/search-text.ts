import type { SearchObject } from 'imapflow';
import type { ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/** Where a word is looked for on the server: IMAP SEARCH's TEXT (headers and body), BODY, FROM, TO, CC, SUBJECT. */
export type TextField = 'text' | 'body' | 'from' | 'to' | 'cc' | 'subject';

export interface TextCriterion {
  field: TextField;
  /** Matched as a substring, case-insensitively, in the decoded text (RFC 3501 6.4.4; CHARSET UTF-8 when not ASCII). */
  text: string;
}

/**
 * Which of `uids` in the selected folder hold every group's words, a group being alternatives (any one will do):
 * one UID SEARCH per group, each over what the one before left, so a rare word narrows the next search. The
 * server decodes the messages itself (charsets, base64, quoted-printable), which is what makes it worth asking
 * about messages whose text is not downloaded.
 */
export async function uidsHoldingText(client: ImapClient, uids: number[], groups: TextCriterion[][]): Promise<number[]> {
  let left = uids;
  for (const group of groups) {
    if (left.length === 0 || group.length === 0) break;
    const any = group.map((criterion): SearchObject => ({ [criterion.field]: criterion.text }));
    const query: SearchObject = any.length === 1 ? { uid: toSequenceSet(left), ...any[0] } : { uid: toSequenceSet(left), or: any };
    const found = new Set((await client.search(query, { uid: true })) || []);
    left = left.filter((uid) => found.has(uid));
  }
  return left;
}
