import { baseSubject } from '../compose/subject-prefix';
import type { FolderRole } from '../ipc/contract';
import { filterWords, LIST_FILTER_KEYS, type ListFilter, type ListSort } from '../ipc/contract-constants';
import type { Db } from './open-database';
import { NOT_IGNORED } from './ignored-rows';
import { SEARCH_NAME, searchName } from './search-name';
import { searchForm } from '../search/search-form';
import { NAME_SORT_KEY, PERSON_NAME_SORT_KEY } from './name-sort-key';
import { PERSON_NAME_PINYIN, pinyinPatterns } from './person-name-pinyin';

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

/** In Sent and Drafts a list shows (and sorts and filters by) the first recipient, elsewhere the sender. */
function showsRecipient(role: FolderRole | null): boolean {
  return role === 'sent' || role === 'drafts';
}

function correspondent(role: FolderRole | null): string {
  if (showsRecipient(role)) {
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

/** A column as a word is compared with it: as stored, or folded to the search's form. */
type ColumnForm = (column: string) => string;
const asStored: ColumnForm = (column) => column;
const folded: ColumnForm = (column) => `${SEARCH_NAME}(${column})`;

/** What fills each `?` of a word's condition, in order: the word as a LIKE pattern, or its pinyin GLOB pattern (null: none). */
type WordSlot = 'like' | 'pinyin';

/**
 * One word, found in the sender, the subject or the recipients (their names and addresses, never the JSON's
 * keys: "name" would match every message), and the name the list shows by its pinyin, as the Address Book
 * finds a Chinese name ("wang" or "wf" for 王芳, see person-name-pinyin.ts). A reading is a call from SQL into
 * JavaScript, about 2 µs a message, so it is made for that one name only, last, for a word of Latin letters
 * (its pattern not null) and a name with a character beyond ASCII. CASE, because SQLite may evaluate both
 * sides of an OR: with the reading in one, a word every subject held took 1.8 times as long.
 */
function wordCondition(form: ColumnForm, shownName: string): { sql: string; slots: WordSlot[] } {
  const slots: WordSlot[] = [];
  const like = (column: string) => {
    slots.push('like');
    return `${form(column)} LIKE ? ESCAPE '\\'`;
  };
  const recipients = (column: string) =>
    `EXISTS (SELECT 1 FROM json_each(${column}) r WHERE ${like("json_extract(r.value, '$.name')")} OR ${like("json_extract(r.value, '$.address')")})`;
  const found = `${like('m.from_name')} OR ${like('m.from_addr')} OR ${like('m.subject')} OR ${recipients('m.to_json')} OR ${recipients('m.cc_json')}`;
  slots.push('pinyin', 'pinyin');
  const byPinyin = `length(CAST(${shownName} AS BLOB)) <> length(${shownName}) AND ${PERSON_NAME_PINYIN}(${shownName}) GLOB ?`;
  return { sql: `(CASE WHEN ${found} THEN 1 WHEN ? IS NULL THEN 0 ELSE ${byPinyin} END)`, slots };
}

/** The name a folder's list shows (see correspondent): the first recipient's in Sent and Drafts, else the sender's. */
const SHOWN_NAME = { sender: 'm.from_name', recipient: "json_extract(m.to_json, '$[0].name')" };
const WORD_CONDITIONS = {
  asStored: { sender: wordCondition(asStored, SHOWN_NAME.sender), recipient: wordCondition(asStored, SHOWN_NAME.recipient) },
  folded: { sender: wordCondition(folded, SHOWN_NAME.sender), recipient: wordCondition(folded, SHOWN_NAME.recipient) },
};

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
export function filterOf(filter: ListFilter, role: FolderRole | null): { sql: string; values: (string | null)[] } {
  const conditions = LIST_FILTER_KEYS.filter((key) => filter[key] === true).map((key) => FILTER_CONDITIONS[key]);
  const notIgnored = filter.hideIgnored === true ? NOT_IGNORED : '';
  // One JSON value, so the statement's text (and its cached preparation) stays the same whatever is kept.
  const flags = conditions.length === 0
    ? { sql: notIgnored, values: [] as (string | null)[] }
    : { sql: ` AND ((${conditions.join(' AND ')}) OR m.id IN (SELECT value FROM json_each(?)))${notIgnored}`, values: [JSON.stringify(filter.keep ?? [])] };
  const words = filterWords(filter).slice(0, MAX_FILTER_WORDS);
  if (words.length === 0) return flags;
  // All words one way, so there are four statements per count of words (folded or not, sender or recipient shown), not one per mix.
  const fold = words.some(wordNeedsFolding);
  const condition = WORD_CONDITIONS[fold ? 'folded' : 'asStored'][showsRecipient(role) ? 'recipient' : 'sender'];
  const patterns = words.flatMap((word) => {
    const like = likePattern(fold ? searchName(word) : word);
    const pinyin = pinyinPatterns(word)?.anywhere ?? null;
    return condition.slots.map((slot) => (slot === 'like' ? like : pinyin));
  });
  return { sql: `${flags.sql} AND ${words.map(() => condition.sql).join(' AND ')}`, values: [...flags.values, ...patterns] };
}

/** Whether the filter has words to look for: the list then reads the whole folder (done off the main thread). */
export function hasFilterText(filter: ListFilter): boolean {
  return filterWords(filter).length > 0;
}
