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

const byDate = (a: PlacedRow, b: PlacedRow) => a.sort_date - b.sort_date || a.id - b.id;

/**
 * The conversation a message belongs to, in its own account and across its folders (the replies the
 * user sent are in Sent): the messages linked to it by In-Reply-To, up to the first one and down to
 * every reply. Threads by In-Reply-To alone, which the header sync already stores; References would
 * also join the replies to a message that is missing here (deleted, or never received), but it is
 * not fetched, as every extra field slows the header sync. Replies to the same missing message still
 * meet: the walk up stops at the missing Message-ID, and the walk down starts from it.
 */
export class ConversationQuery {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** Oldest first; just the message itself when it starts and ends its conversation (or has no Message-ID). */
  of(id: number): ConversationMessage[] {
    const start = this.statements
      .get('SELECT m.message_id AS messageId, m.in_reply_to AS inReplyTo, f.account_id AS accountId FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?')
      .get(id) as { messageId: string | null; inReplyTo: string | null; accountId: number | null } | undefined;
    if (!start) return [];
    if (!start.messageId) return this.placed([], id);
    const root = this.rootOf(start.messageId, start.inReplyTo, start.accountId);
    return this.placed([...this.repliesFrom(root, start.accountId), start.messageId], id);
  }

  /** The first Message-ID of the chain, present here or not. */
  private rootOf(messageId: string, inReplyTo: string | null, accountId: number | null): string {
    const parentOf = this.statements.pluck(
      `SELECT m.in_reply_to FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.message_id = ? AND f.account_id IS ? AND m.in_reply_to IS NOT NULL LIMIT 1`,
    );
    const seen = new Set([messageId]);
    let root = messageId;
    let parent = inReplyTo;
    while (parent && !seen.has(parent) && seen.size < MAX_DEPTH) {
      seen.add(parent);
      root = parent;
      parent = parentOf.get(parent, accountId) as string | null | undefined ?? null;
    }
    return root;
  }

  /** The root and every message that replies to it, or to a reply of it. */
  private repliesFrom(root: string, accountId: number | null): string[] {
    const repliesTo = this.statements.pluck(
      `SELECT DISTINCT m.message_id FROM messages m INDEXED BY messages_in_reply_to JOIN folders f ON f.id = m.folder_id
       WHERE m.in_reply_to = ? AND f.account_id IS ? AND m.message_id IS NOT NULL`,
    );
    const found = new Set([root]);
    const waiting = [root];
    while (waiting.length > 0 && found.size < MAX_CONVERSATION * 5) {
      for (const reply of repliesTo.all(waiting.pop(), accountId) as string[]) {
        if (found.has(reply)) continue;
        found.add(reply);
        waiting.push(reply);
      }
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
