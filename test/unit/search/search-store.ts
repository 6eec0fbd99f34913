import type { Address } from '../../../src-main/ipc/contract';
import { MessageSearch, parseInPlace } from '../../../src-main/search/message-search';
import type { ParseSourceFile } from '../../../src-main/search/search-indexer';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { insertAccountRow, tempStore } from '../store/temp-store';

/** A store with one IMAP account for the search tests; call disposeSearchStore after each. */
let dispose: () => void = () => undefined;

export function disposeSearchStore(): void {
  dispose();
  dispose = () => undefined;
}

let nextUid = 1;
export function message(subject: string, from: Address, to: Address[] = []): HeaderRecord {
  return {
    uid: nextUid++, uidl: null, messageId: null, inReplyTo: null, threadRoot: null, subject, from, to, cc: [], date: Date.now(), internalDate: null,
    size: 0, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
}

export interface SearchStore {
  store: Store;
  accountId: number;
  folder: (path: string) => number;
  engine: MessageSearch;
  search: (query: string) => Promise<number[]>;
}

export function searchStore(parse: ParseSourceFile = parseInPlace): SearchStore {
  const t = tempStore();
  dispose = t.dispose;
  const store = t.store;
  const accountId = insertAccountRow(store, 'me@test.org');
  const folder = (path: string) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name) VALUES (?, ?, ?)').run(accountId, path, path).lastInsertRowid);
  const engine = new MessageSearch(store, parse);
  const search = async (query: string) => (await engine.search({ query, offset: 0, limit: 100 })).items.map((hit) => hit.id);
  return { store, accountId, folder, engine, search };
}
