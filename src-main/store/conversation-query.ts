import type { ConversationMessage } from '../ipc/contract';
import { SUMMARY_COLUMNS } from './summary-row';
import { toSearchHit, type HitRow } from './search-repo';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { NOT_SHOWN_AGAIN } from './shown-again';

/** What the user threw away stays out of the conversation, as in Gmail's; the open message itself shows wherever it is. */
const NOT_DISCARDED = "ifnull(f.role, '') NOT IN ('trash', 'junk')";

/** Enough for any real conversation; a mailing list's years-long thread is cut to its newest and the opened message. */
export const MAX_CONVERSATION = 200;
/** A chain of replies longer than this is a loop (two messages naming each other) or a forgery. */
const MAX_DEPTH = 500;

type PlacedRow = HitRow & { messageId: string | null };

/** What links a message up to its conversation: the Message-ID it answers and the first of its References. */
interface Links {
  parent: string | null;
  threadRoot: string | null;
}

const byDate = (a: PlacedRow, b: PlacedRow) => a.sort_date - b.sort_date || a.id - b.id;

/**
 * The conversation a message belongs to, in its own account and across its folders (the replies the
 * user sent are in Sent): up to its first message and down to every message below it. Up goes by the
 * first of References (thread_root) where the header sync stored it, else by In-Reply-To; down takes
 * the messages that answer one already found or name it first in their References, so a reply to a
 * message missing here (deleted, never received) still joins. Messages stored before References were
 * fetched have no thread_root: for them the In-Reply-To links alone decide, as before, and replies to
 * the same missing message still meet (the walk up stops at the missing Message-ID, and the walk down
 * starts from it).
 */
export class ConversationQuery {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** Oldest first; just the message itself when it starts and ends its conversation (or has no Message-ID). */
  of(id: number): ConversationMessage[] {
    const start = this.statements
      .get(
        `SELECT m.message_id AS messageId, m.in_reply_to AS parent, m.thread_root AS threadRoot, f.account_id AS accountId
         FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
      )
      .get(id) as (Links & { messageId: string | null; accountId: number | null }) | undefined;
    if (!start) return [];
    if (!start.messageId) return this.placed([], id);
    const root = this.rootOf(start.messageId, start, start.accountId);
    return this.placed([...this.membersOf(root, start.accountId), start.messageId], id);
  }

  /**
   * The first Message-ID of the conversation, present here or not: up by the first of References where
   * a message has it, else by In-Reply-To, from each message reached in turn (a References that names
   * only the parent, as some clients write it, is no further up than In-Reply-To).
   */
  private rootOf(messageId: string, links: Links, accountId: number | null): string {
    const linksOf = this.statements.get(
      `SELECT m.in_reply_to AS parent, m.thread_root AS threadRoot FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.message_id = ? AND f.account_id IS ? AND (m.in_reply_to IS NOT NULL OR m.thread_root IS NOT NULL) LIMIT 1`,
    );
    const seen = new Set([messageId]);
    let root = messageId;
    for (let next: Links | undefined = links; next; ) {
      const up = next.threadRoot ?? next.parent;
      if (!up || seen.has(up) || seen.size >= MAX_DEPTH) break;
      seen.add(up);
      root = up;
      next = linksOf.get(up, accountId) as Links | undefined;
    }
    return root;
  }

  /** The root and every message that replies to it (In-Reply-To) or names it first in its References, then theirs, and so on. */
  private membersOf(root: string, accountId: number | null): string[] {
    const ofThread = this.statements.pluck(
      `SELECT DISTINCT m.message_id FROM messages m INDEXED BY messages_thread_root JOIN folders f ON f.id = m.folder_id
       WHERE m.thread_root = ? AND f.account_id IS ? AND m.message_id IS NOT NULL`,
    );
    const repliesTo = this.statements.pluck(
      `SELECT DISTINCT m.message_id FROM messages m INDEXED BY messages_in_reply_to JOIN folders f ON f.id = m.folder_id
       WHERE m.in_reply_to = ? AND f.account_id IS ? AND m.message_id IS NOT NULL`,
    );
    const found = new Set([root]);
    const waiting = [root];
    const meet = (messageIds: string[]) => {
      for (const messageId of messageIds) {
        if (found.has(messageId)) continue;
        found.add(messageId);
        waiting.push(messageId);
      }
    };
    while (waiting.length > 0 && found.size < MAX_CONVERSATION * 5) {
      const messageId = waiting.pop();
      meet(repliesTo.all(messageId, accountId) as string[]);
      meet(ofThread.all(messageId, accountId) as string[]);
    }
    return [...found];
  }

  /** The stored messages among those Message-IDs, once each (the opened row for its own), with their folders, Trash and Junk left out. */
  private placed(messageIds: string[], openedId: number): ConversationMessage[] {
    const rows = this.statements
      .get(
        `SELECT ${SUMMARY_COLUMNS}, m.message_id AS messageId, f.account_id AS accountId, f.path AS folderPath, f.name AS folderName, f.role AS folderRole
         FROM messages m JOIN folders f ON f.id = m.folder_id
         WHERE m.id = ? OR (m.message_id IN (SELECT value FROM json_each(?)) AND f.account_id IS (SELECT g.account_id FROM messages o JOIN folders g ON g.id = o.folder_id WHERE o.id = ?)
           AND ${NOT_SHOWN_AGAIN} AND ${NOT_DISCARDED})
         ORDER BY m.id = ? DESC, m.sort_date, m.id`,
      )
      .all(openedId, JSON.stringify(messageIds), openedId, openedId) as PlacedRow[];
    const once = new Map<string | number, PlacedRow>();
    for (const row of rows) if (!once.has(row.messageId ?? row.id)) once.set(row.messageId ?? row.id, row);
    const others = [...once.values()].filter((row) => row.id !== openedId).sort(byDate);
    const opened = rows[0]?.id === openedId ? [rows[0]] : [];
    return [...opened, ...others.slice(-(MAX_CONVERSATION - opened.length))]
      .sort(byDate)
      .map(toSearchHit);
  }
}
