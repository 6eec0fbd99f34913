import { withCjkBigrams } from './cjk-bigrams';
import { searchForm } from './search-form';

/** The index's columns a `name:` prefix narrows a term to. */
const FIELDS: Record<string, string> = {
  from: 'sender',
  to: 'recipients',
  cc: 'recipients',
  subject: 'subject',
  body: 'body',
};

export interface SearchTerm {
  /** The user's words (one word, or a quoted phrase). */
  text: string;
  /** A quoted phrase matches exactly; a bare word also matches as the start of a longer word. */
  phrase: boolean;
  /** The index column it is limited to, or null for every column. */
  column: string | null;
}

/**
 * The user's query as terms: bare words, "quoted phrases" (an unclosed quote
 * runs to the end), each optionally behind `from:`, `to:`, `cc:`,
 * `subject:` or `body:`. Every term must match (AND). Nothing here is FTS5
 * syntax: operators, brackets and stars are just more text. The query is
 * read in the index's form (NFKC), so a full-width `ｆｒｏｍ：` is a prefix too,
 * and “ ” quote as " does.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // One of ours may be followed by blanks ("from: ann", as people type it); any other word before a colon may not.
  const pattern = new RegExp(`(?:(${Object.keys(FIELDS).join('|')}):\\s*|([A-Za-z]+):)?(?:"([^"]*)(?:"|$)|(\\S+))`, 'giu');
  // SQLite ends a string at a NUL byte, so inside an FTS5 string it leaves the string unterminated: no one types it.
  // A Chinese input method types “ ” for the quote key: they quote a phrase as " does.
  const normal = searchForm(query.replaceAll('\u0000', '')).replace(/[\u201C\u201D]/g, '"');
  for (const match of normal.matchAll(pattern)) {
    const [, ours, other, quoted, bare] = match;
    const prefix = ours ?? other;
    const column = prefix ? FIELDS[prefix.toLowerCase()] : null;
    // A prefix with nothing after it yet ("from:" while the name is being typed) narrows nothing and is no word.
    if (bare !== undefined && !prefix && isPrefixAlone(bare)) continue;
    if (prefix && column === undefined) {
      // Not one of ours ("http:", "re:"): the whole thing is text.
      terms.push({ text: match[0], phrase: false, column: null });
      continue;
    }
    const text = quoted ?? bare ?? '';
    terms.push({ text, phrase: quoted !== undefined, column: column ?? null });
  }
  return terms;
}

function isPrefixAlone(text: string): boolean {
  return text.endsWith(':') && FIELDS[text.slice(0, -1).toLowerCase()] !== undefined;
}

/** A term as an FTS5 string: double quotes doubled, so the text can never be read as syntax. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Letters or digits left once punctuation is dropped, which is what the tokenizer would index. */
function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function termExpression(term: SearchTerm): string | null {
  const prepared = withCjkBigrams(term.text).trim();
  if (!hasWords(prepared)) return null;
  // A prefix star on the last token: "meet" finds "meeting"; one Chinese character finds the bigrams it starts.
  const lastIsCjkBigram = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2}$/u.test(prepared);
  const prefix = !term.phrase && !lastIsCjkBigram && /[\p{L}\p{N}]$/u.test(prepared) ? ' *' : '';
  const phrase = ftsString(prepared) + prefix;
  return term.column ? `{${term.column}} : (${phrase})` : phrase;
}

/**
 * The FTS5 MATCH expression for a user's query, or null when it holds no
 * word at all (only punctuation, or empty). Every piece of user text is
 * inside an FTS5 string, so no input can reach FTS5 as an operator.
 */
export function toFtsMatch(query: string): string | null {
  const parts = parseSearchQuery(query).map(termExpression).filter((part): part is string => part !== null);
  return parts.length ? parts.join(' AND ') : null;
}
