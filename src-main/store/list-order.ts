import { baseSubject } from '../compose/subject-prefix';
import type { FolderRole } from '../ipc/contract';
import { filterWords, LIST_FILTER_KEYS, type ListFilter, type ListSort } from '../ipc/contract-constants';
import type { Db } from './open-database';
import { NOT_IGNORED } from './ignored-rows';
import { SEARCH_NAME, searchName } from './search-name';
import { searchForm } from '../search/search-form';
import { NAME_SORT_KEY, PERSON_NAME_SORT_KEY } from './name-sort-key';

/** SQL's name for baseSubject on a connection that registered it (see registerListOrder). */
const BASE_SUBJECT = 'wren_base_subject';

/**
 * The subject order ignores "Re:", "Fwd:", "回复:" and the like, as Thunderbird's does: a reply sorts
 * beside the message it answers. SQL has no such function, so the connection gets baseSubject itself.
 */
export function registerListOrder(db: Db): void {
  db.function(BASE_SUBJECT, { deterministic: true }, (subject: unknown) => baseSubject(String(subject ?? '')));
}

/**
 * ORDER BY for a folder's messages (alias m). Ties, and every key's equal values, fall back to newest
 * first, so a page boundary never cuts the order differently from one request to the next. In Sent and
 * Drafts the list shows the recipient, so "from" sorts by the first recipient there. Subjects sort by
 * nameSortKey, names by personNameSortKey (a surname read as one): any case and accent alike, Chinese by its pinyin.
 */
export function orderOf(sort: ListSort, role: FolderRole | null): string {
  const direction = sort.descending ? 'DESC' : 'ASC';
  const newestFirst = 'm.sort_date DESC, m.id DESC';
  switch (sort.by) {
    case 'date':
      return `m.sort_date ${direction}, m.id ${direction}`;
    case 'size':
      return `m.size ${direction}, ${newestFirst}`;
    // Thunderbird's Priority column: high, normal, low (migration 0038's levels), newest first within each.
    case 'priority':
      return `m.priority ${direction}, ${newestFirst}`;
    case 'subject':
      return `${NAME_SORT_KEY}(${BASE_SUBJECT}(m.subject)) ${direction}, ${newestFirst}`;
    case 'from':
      return `${PERSON_NAME_SORT_KEY}(${correspondent(role)}) ${direction}, ${newestFirst}`;
  }
}

function correspondent(role: FolderRole | null): string {
  if (role === 'sent' || role === 'drafts') {
    return "coalesce(nullif(json_extract(m.to_json, '$[0].name'), ''), json_extract(m.to_json, '$[0].address'), '')";
  }
  return "CASE WHEN m.from_name <> '' THEN m.from_name ELSE m.from_addr END";
}

const FILTER_CONDITIONS: Record<(typeof LIST_FILTER_KEYS)[number], string> = {
  unread: 'm.seen = 0',
  flagged: 'm.flagged = 1',
  attachments: 'm.has_attachments = 1',
  // Any of the five tags ($label1 to $label5) among the space-separated keywords; GLOB, as keywords keep their case.
  tagged: "(' ' || m.keywords || ' ') GLOB '* $label[1-5] *'",
};

/** A word of the quick filter, in a LIKE pattern with its wildcards escaped. */
const LIKE = "LIKE ? ESCAPE '\\'";

/** A column as a word is compared with it: as stored, or folded to the search's form. */
type ColumnForm = (column: string) => string;
const asStored: ColumnForm = (column) => column;
const folded: ColumnForm = (column) => `${SEARCH_NAME}(${column})`;

/** The names and addresses of a JSON address list column, not its keys ("name" would match every message). */
const recipientsLike = (column: string, form: ColumnForm) =>
  `EXISTS (SELECT 1 FROM json_each(${column}) r WHERE ${form("json_extract(r.value, '$.name')")} ${LIKE} OR ${form("json_extract(r.value, '$.address')")} ${LIKE})`;

/** One word, found in the sender, the subject or the recipients; it takes its pattern this many times. */
const wordCondition = (form: ColumnForm) =>
  `(${form('m.from_name')} ${LIKE} OR ${form('m.from_addr')} ${LIKE} OR ${form('m.subject')} ${LIKE} OR ${recipientsLike('m.to_json', form)} OR ${recipientsLike('m.cc_json', form)})`;
const WORD_CONDITION = { asStored: wordCondition(asStored), folded: wordCondition(folded) };
const WORD_PATTERNS = 7;

/** Words to look for are the first this many: a statement per count of words is prepared and kept. */
const MAX_FILTER_WORDS = 8;

/**
 * Whether SQLite's LIKE alone would miss some of a word's matches. It ignores the case of ASCII letters
 * only, so "müller" missed "MÜLLER" and "отчёт" "Отчёт"; and a word typed full-width (ＰＤＦ) is not the
 * text's half-width form. Those words compare with every text folded as the search folds it, which
 * costs a function call per field and message (about seven times the plain LIKE's time over a folder):
 * ASCII and Chinese words, most of what is typed, keep the plain one.
 */
export function wordNeedsFolding(word: string): boolean {
  if (searchForm(word) !== word) return true;
  return [...word].some((char) => char > '\x7f' && char.toLowerCase() !== char.toUpperCase());
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The quick filter as a condition on m to AND with the folder's (none set: ''), and its values: the ids it
 * keeps match whatever their flags now, though not words they lack, nor hideIgnored.
 */
export function filterOf(filter: ListFilter): { sql: string; values: string[] } {
  const conditions = LIST_FILTER_KEYS.filter((key) => filter[key] === true).map((key) => FILTER_CONDITIONS[key]);
  const notIgnored = filter.hideIgnored === true ? NOT_IGNORED : '';
  // One JSON value, so the statement's text (and its cached preparation) stays the same whatever is kept.
  const flags = conditions.length === 0
    ? { sql: notIgnored, values: [] as string[] }
    : { sql: ` AND ((${conditions.join(' AND ')}) OR m.id IN (SELECT value FROM json_each(?)))${notIgnored}`, values: [JSON.stringify(filter.keep ?? [])] };
  const words = filterWords(filter).slice(0, MAX_FILTER_WORDS);
  if (words.length === 0) return flags;
  // All words one way, so there are two statements per count of words, not one per mix.
  const fold = words.some(wordNeedsFolding);
  const condition = fold ? WORD_CONDITION.folded : WORD_CONDITION.asStored;
  const patterns = words.flatMap((word) => Array<string>(WORD_PATTERNS).fill(likePattern(fold ? searchName(word) : word)));
  return { sql: `${flags.sql} AND ${words.map(() => condition).join(' AND ')}`, values: [...flags.values, ...patterns] };
}

/** Whether the filter has words to look for: the list then reads the whole folder (done off the main thread). */
export function hasFilterText(filter: ListFilter): boolean {
  return filterWords(filter).length > 0;
}
