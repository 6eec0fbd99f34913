import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { parseSearchQuery, toFtsMatch } from '../../../src-main/search/search-query';

describe('search query parsing', () => {
  it('reads words, quoted phrases and field prefixes', () => {
    expect(parseSearchQuery('budget "next week" from:ann subject:"Q3 plan"')).toEqual([
      { text: 'budget', phrase: false, column: null, negated: false },
      { text: 'next week', phrase: true, column: null, negated: false },
      { text: 'ann', phrase: false, column: 'sender', negated: false },
      { text: 'Q3 plan', phrase: true, column: 'subject', negated: false },
    ]);
  });

  it('keeps an unknown prefix as text and runs an unclosed quote to the end', () => {
    expect(parseSearchQuery('re:hello "open ended')).toEqual([
      { text: 're:hello', phrase: false, column: null, negated: false },
      { text: 'open ended', phrase: true, column: null, negated: false },
    ]);
  });

  it('builds an FTS5 expression: AND of strings, prefix on bare words, columns for prefixes', () => {
    expect(toFtsMatch('budget "next week" from:ann')).toBe('"budget" * AND "next week" AND {sender} : ("ann" *)');
  });

  it('turns Chinese into a phrase of bigrams, and a single character into a prefix', () => {
    expect(toFtsMatch('会议')).toBe('"会议"');
    expect(toFtsMatch('下午会议')).toBe('"下午 午会 会议"');
    expect(toFtsMatch('会')).toBe('"会" *');
  });

  it('gives null for a query without a single word', () => {
    expect(toFtsMatch('')).toBeNull();
    expect(toFtsMatch('  "" ( ) * - ')).toBeNull();
  });

  it('never lets a query reach FTS5 as syntax', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(subject, sender, recipients, body, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run('AND OR NOT', 'x', 'y', 'NEAR( a b ) c*');
    const nasty = ['"', 'a"b', 'AND', 'OR NOT', 'NEAR(a b)', '(((', 'col:x', '{subject}:x', 'x^', '*', 'subject:"', 'from:"a" OR "b', '\\', "'; DROP TABLE t; --"];
    for (const query of nasty) {
      const match = toFtsMatch(query);
      if (match === null) continue;
      expect(() => db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(match), query).not.toThrow();
    }
    // And the words of such a query still find the text that holds them.
    expect(db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(toFtsMatch('AND OR'))).toBe(1);
  });
});
