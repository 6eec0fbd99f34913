import { withCjkBigrams } from './cjk-bigrams';
import { searchForm } from './search-form';
import { hasConditions, isSearchOperator, mergeConditions, negateConditions, readOperator, SEARCH_OPERATORS, type SearchConditions } from './search-operators';

/** The index's columns a `name:` prefix narrows a term to. */
const FIELDS: Record<string, string> = {
  from: 'sender',
  to: 'recipients',
  cc: 'recipients',
  subject: 'subject',
  body: 'body',
};

/** The index's column of a message's text, which holds nothing for a message whose text is not stored yet. */
const TEXT_COLUMN = 'body';

export interface SearchTerm {
  /** The user's words (one word, or a quoted phrase). */
  text: string;
  /** A quoted phrase matches exactly; a bare word also matches as the start of a longer word. */
  phrase: boolean;
  /** The index column it is limited to, or null for every column. */
  column: string | null;
  /** Written with a minus (`-newsletter`, `-from:bob`): the messages it matches are left out. */
  negated: boolean;
  /** Joined to the term before by OR (`from:ann OR from:bob`): either of them will do. */
  orWithPrevious?: true;
}

/** The user's query read: its words as terms, and what its operators ask (`is:unread`, `before:2026-11-01`…). */
export interface ReadQuery {
  terms: SearchTerm[];
  conditions: SearchConditions;
  /** Words before a colon that are none of ours (`foo:` of `foo:bar`), as typed and once each: searched as text, which the UI says. Absent if none. */
  unknownOperators?: string[];
}

/**
 * A scheme's colon, not an operator's: `http://…`, `file:///…`, `mailto:ann@…`. (A time, `10:30`, never reads as a
 * name before a colon: the names are letters.)
 */
function isLinkScheme(name: string, value: string): boolean {
  return value.startsWith('/') || name === 'mailto' || name === 'tel';
}

/** Our prefixes and operators may be followed by blanks ("from: ann", as people type it); any other word before a colon may not. */
const KNOWN_PREFIXES = [...Object.keys(FIELDS), ...SEARCH_OPERATORS].join('|');
const TOKEN = new RegExp(`(-(?=\\S))?(?:(${KNOWN_PREFIXES}):\\s*|([A-Za-z_]+):)?(?:"([^"]*)(?:"|$)|(\\S+))`, 'giu');

/**
 * The user's query: bare words, "quoted phrases" (an unclosed quote runs
 * to the end), each optionally behind `from:`, `to:`, `cc:`, `subject:` or
 * `body:`, and operators (see search-operators.ts). Every term and operator
 * must match (AND); a minus before one (`-newsletter`, `-from:bob`,
 * `-is:unread`, `-in:trash`) leaves out what it matches; OR in capitals
 * between two words, phrases or fields (`from:ann OR from:bob`, Gmail's),
 * or between two operators (`is:unread OR is:flagged`), lets either match
 * (an OR between a word and an operator, or beside a minus-word, is
 * dropped; `"OR"` in quotes is the word). Nothing here is FTS5 syntax: operators, brackets and
 * stars are just more text, and so is an operator whose value means nothing
 * to it (`before:soon`). The query is read in the index's form (NFKC), so a
 * full-width `ｆｒｏｍ：` is a prefix too, and “ ” quote as " does.
 */
export function readSearchQuery(query: string, now: number): ReadQuery {
  const read = new QueryParts();
  const unknownOperators = new Set<string>();
  // SQLite ends a string at a NUL byte, so inside an FTS5 string it leaves the string unterminated: no one types it.
  // A Chinese input method types “ ” for the quote key: they quote a phrase as " does.
  const normal = searchForm(query.replaceAll('\u0000', '')).replace(/[\u201C\u201D]/g, '"');
  for (const match of normal.matchAll(TOKEN)) {
    const [whole, minus, ours, other, quoted, bare] = match;
    const negated = minus !== undefined;
    const prefix = (ours ?? other)?.toLowerCase();
    // A prefix with nothing after it yet ("from:" while the name is being typed) narrows nothing and is no word.
    if (bare !== undefined && !prefix && isPrefixAlone(bare)) continue;
    // OR in capitals is never a word to look for ("OR" in quotes is): it joins, or it is dropped.
    if (whole === 'OR') read.or();
    else if (prefix && isSearchOperator(prefix)) {
      const asked = readOperator(prefix, quoted ?? bare ?? '', now);
      if (asked) read.condition(negated ? negateConditions(asked) : asked);
      else read.term({ text: whole, phrase: false, column: null, negated: false });
    } else {
      const column = prefix ? FIELDS[prefix] : null;
      // Not one of ours ("http:", "re:"): the whole thing is text.
      if (column === undefined) {
        read.term({ text: whole, phrase: false, column: null, negated: false });
        if (!isLinkScheme(prefix!, quoted ?? bare ?? '')) unknownOperators.add(`${other}:`);
      } else read.term({ text: quoted ?? bare ?? '', phrase: quoted !== undefined, column, negated });
    }
  }
  return { terms: read.terms, conditions: read.conditions, ...(unknownOperators.size > 0 && { unknownOperators: [...unknownOperators] }) };
}

/**
 * What a server could look for where the local index cannot (Search on server): the query's words in their OR
 * groups (`a OR b c` is [[a, b], [c]]), each with the column it is narrowed to. Minus-words and operators are left
 * to the local search that follows once the text is downloaded: the server's answer needs only to hold every
 * message that search will find, so leaving a condition out can only widen it.
 */
export function positiveTermGroups(query: string, now: number): SearchTerm[][] {
  const groups: SearchTerm[][] = [];
  for (const term of readSearchQuery(query, now).terms) {
    if (term.orWithPrevious && groups.length > 0) groups.at(-1)!.push(term);
    else groups.push([term]);
  }
  return groups.filter((group) => group.every((term) => !term.negated && term.text.trim() !== ''));
}

/**
 * A query's terms and operators as they are read, with an OR waiting for what it joins to the thing just
 * before: a word to a word, an operator to an operator (`is:unread OR is:flagged`). Between a word and an
 * operator it joins nothing: the words are the index's match, the operators conditions on the messages.
 */
class QueryParts {
  readonly terms: SearchTerm[] = [];
  /** The operators in runs joined by OR (`is:unread OR is:flagged has:attachment`: two runs). */
  private readonly operatorRuns: SearchConditions[][] = [];
  private orPending = false;
  /** What an OR read now would join: the word or the operator just read (not a minus-word, not another OR). */
  private joinable: 'term' | 'operator' | null = null;

  term(term: SearchTerm): void {
    this.terms.push(this.orPending && this.joinable === 'term' && !term.negated ? { ...term, orWithPrevious: true } : term);
    this.settle(term.negated ? null : 'term');
  }

  condition(asked: SearchConditions): void {
    if (this.orPending && this.joinable === 'operator') this.operatorRuns.at(-1)!.push(asked);
    else this.operatorRuns.push([asked]);
    this.settle('operator');
  }

  or(): void {
    this.orPending = this.joinable !== null;
  }

  /** The operators' conditions: a lone operator merged with the rest, each run of two or more as one "either". */
  get conditions(): SearchConditions {
    return this.operatorRuns.reduce<SearchConditions>((all, run) => mergeConditions(all, run.length === 1 ? run[0]! : { either: [run] }), {});
  }

  private settle(read: 'term' | 'operator' | null): void {
    this.orPending = false;
    this.joinable = read;
  }
}

function isPrefixAlone(text: string): boolean {
  const name = text.slice(0, -1).toLowerCase();
  return text.endsWith(':') && (FIELDS[name] !== undefined || isSearchOperator(name));
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
 * The FTS5 MATCH expression the terms make together (`joiner`: AND for those
 * that must match, OR for those left out), or null when they hold no word at
 * all (only punctuation, or none). Every piece of user text is inside an FTS5
 * string, so no input can reach FTS5 as an operator.
 */
function ftsMatchOf(terms: SearchTerm[], joiner: 'AND' | 'OR'): string | null {
  const parts = orGroups(terms)
    .map((group) => group.map(termExpression).filter((part): part is string => part !== null))
    .filter((group) => group.length > 0)
    .map((group) => (group.length === 1 ? group[0]! : `(${group.join(' OR ')})`));
  return parts.length ? parts.join(` ${joiner} `) : null;
}

/** The terms in runs joined by OR (`a OR b c`: [a, b], [c]). */
function orGroups(terms: SearchTerm[]): SearchTerm[][] {
  const groups: SearchTerm[][] = [];
  for (const term of terms) {
    if (term.orWithPrevious && groups.length > 0) groups.at(-1)!.push(term);
    else groups.push([term]);
  }
  return groups;
}

/** The query's words as terms (its operators left out). */
export function parseSearchQuery(query: string): SearchTerm[] {
  return readSearchQuery(query, Date.now()).terms;
}

/** The FTS5 MATCH expression for a user's query's words (minus-words and operators left out), or null when it has none. */
export function toFtsMatch(query: string): string | null {
  return ftsMatchOf(readSearchQuery(query, Date.now()).terms.filter((term) => !term.negated), 'AND');
}

/**
 * What a search asks of the store: an FTS5 expression its messages must match (null: no word), one they must
 * not (null: no minus-word) and the operators' conditions.
 */
export interface SearchAsk {
  match: string | null;
  exclude: string | null;
  conditions: SearchConditions;
  /** Whether a word is looked for in the messages' text (a word not narrowed to a header, or body:). */
  readsText?: boolean;
  /** The query's unknown operators (`foo:`), searched as text; absent when there are none. */
  unknownOperators?: string[];
}

/**
 * The query as the store runs it; null when it asks for nothing at all (no word, no operator), which finds
 * nothing. Minus-words alone (`-newsletter`) ask for every message without them.
 */
export function searchAskOf(query: string, now: number): SearchAsk | null {
  const { terms, conditions, unknownOperators } = readSearchQuery(query, now);
  const match = ftsMatchOf(terms.filter((term) => !term.negated), 'AND');
  const exclude = ftsMatchOf(terms.filter((term) => term.negated), 'OR');
  if (match === null && exclude === null && !hasConditions(conditions)) return null;
  const readsText = terms.some((term) => !term.negated && (term.column === null || term.column === TEXT_COLUMN));
  return { match, exclude, conditions, readsText, ...(unknownOperators && { unknownOperators }) };
}
