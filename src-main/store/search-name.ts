import { searchForm } from '../search/search-form';
import type { Db } from './open-database';

/**
 * SQL's name for a text in the search's form (NFKC, see search-form.ts) and lower case in every script.
 * SQLite's own lower() and LIKE fold ASCII only, so `in:входящие` missed "Входящие" and the quick filter's
 * "müller" missed "MÜLLER".
 */
export const SEARCH_NAME = 'search_name';

/** A text as SEARCH_NAME gives it in SQL, for the values compared with it. */
export function searchName(text: string): string {
  return searchForm(text).toLowerCase();
}

/** Every connection (the main thread's, the sync and search workers') gets SEARCH_NAME. */
export function registerSearchNames(db: Db): void {
  db.function(SEARCH_NAME, { deterministic: true }, (text: unknown) => searchName(String(text ?? '')));
}
