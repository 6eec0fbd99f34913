import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

export type JunkVerdict = 'junk' | 'good';

/** How many trained messages of each kind held a token. */
export interface TokenCounts {
  junk: number;
  good: number;
}

/** One message's training: its verdict and the tokens it added to the corpus. */
export interface TrainedMessage {
  verdict: JunkVerdict;
  tokens: string[];
}

const COLUMN: Record<JunkVerdict, 'junk' | 'good'> = { junk: 'junk', good: 'good' };

/** The junk filter's training (see migration 0033): token counts and the trained messages. */
export class JunkCorpusRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** How many junk and good messages the corpus was trained on. */
  totals(): TokenCounts {
    const rows = this.statements.get('SELECT verdict, count(*) AS n FROM junk_trained GROUP BY verdict').all() as { verdict: JunkVerdict; n: number }[];
    const totals = { junk: 0, good: 0 };
    for (const row of rows) totals[COLUMN[row.verdict]] = row.n;
    return totals;
  }

  /** How many tokens the corpus knows. */
  tokenCount(): number {
    return this.statements.pluck('SELECT count(*) FROM junk_tokens').get() as number;
  }

  /** The counts of those of `tokens` the corpus knows (one query, however many). */
  countsOf(tokens: readonly string[]): Map<string, TokenCounts> {
    const rows = this.statements
      .get('SELECT token, junk, good FROM junk_tokens WHERE token IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(tokens)) as { token: string; junk: number; good: number }[];
    return new Map(rows.map((row) => [row.token, { junk: row.junk, good: row.good }]));
  }

  trained(messageKey: string): TrainedMessage | null {
    const row = this.statements.get('SELECT verdict, tokens FROM junk_trained WHERE message_key = ?').get(messageKey) as
      { verdict: JunkVerdict; tokens: string } | undefined;
    return row ? { verdict: row.verdict, tokens: JSON.parse(row.tokens) as string[] } : null;
  }

  /**
   * Trains one message (inside the caller's transaction); a message trained before with the other verdict
   * first takes back what it had added. Answers what it was before (null: not trained), for an undo.
   */
  train(messageKey: string, training: TrainedMessage): TrainedMessage | null {
    const before = this.trained(messageKey);
    if (before?.verdict === training.verdict && sameTokens(before.tokens, training.tokens)) return before;
    if (before) this.count(before, -1);
    this.count(training, 1);
    this.statements
      .get('INSERT INTO junk_trained (message_key, verdict, tokens) VALUES (?, ?, ?) ON CONFLICT(message_key) DO UPDATE SET verdict = excluded.verdict, tokens = excluded.tokens')
      .run(messageKey, training.verdict, JSON.stringify(training.tokens));
    return before;
  }

  /** Takes a message's training back out (inside the caller's transaction). */
  untrain(messageKey: string): void {
    const before = this.trained(messageKey);
    if (!before) return;
    this.count(before, -1);
    this.statements.get('DELETE FROM junk_trained WHERE message_key = ?').run(messageKey);
  }

  /** Forgets every training (Thunderbird's "Reset Training Data"). */
  reset(): void {
    this.statements.get('DELETE FROM junk_tokens').run();
    this.statements.get('DELETE FROM junk_trained').run();
  }

  private count({ verdict, tokens }: TrainedMessage, by: 1 | -1): void {
    const column = COLUMN[verdict];
    const list = JSON.stringify(tokens);
    if (by === 1) {
      // "WHERE true": SQLite's upsert after a SELECT needs it to tell ON CONFLICT from a join's ON.
      this.statements
        .get(`INSERT INTO junk_tokens (token, ${column}) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT(token) DO UPDATE SET ${column} = ${column} + 1`)
        .run(list);
      return;
    }
    this.statements.get(`UPDATE junk_tokens SET ${column} = max(0, ${column} - 1) WHERE token IN (SELECT value FROM json_each(?))`).run(list);
    this.statements.get('DELETE FROM junk_tokens WHERE junk = 0 AND good = 0 AND token IN (SELECT value FROM json_each(?))').run(list);
  }
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}
