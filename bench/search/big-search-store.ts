// A large store for the search-lag bench, written straight into a data folder (no server): N messages
// in one local folder with text bodies from the generator's languages, then indexed by Wren's own
// indexer, so the FTS5 index holds what a synced mailbox of that size would.
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pickLanguage } from '../generator/languages';
import { rngFor } from '../generator/prng';
import { SearchIndexer } from '../../src-main/search/search-indexer';
import { parseInPlace } from '../../src-main/search/message-search';
import type { HeaderRecord } from '../../src-main/store/messages-repo';
import { Store } from '../../src-main/store/store';

const BATCH = 1000;
/** A word no sentence holds, in one message of this many: a rare word's query. */
export const RARE_WORD = 'zephyrine';
const RARE_EVERY = 2500;

function generated(seed: number, index: number): { header: HeaderRecord; text: string } {
  const rng = rngFor(seed, index);
  const lang = pickLanguage(rng);
  const sentences = Array.from({ length: rng.int(6, 40) }, () => rng.pick(lang.sentences));
  if (index % RARE_EVERY === 0) sentences.push(RARE_WORD);
  const name = rng.pick(lang.names);
  const header: HeaderRecord = {
    uid: index + 1, uidl: null, messageId: `<${index}@bench.example>`, inReplyTo: null, threadRoot: null,
    subject: rng.pick(lang.subjects).replace('{n}', String(rng.int(1, 999))),
    from: { name, address: `${index % 97}@${rng.pick(lang.domains)}` }, to: [], cc: [],
    date: Date.UTC(2020, 0, 1) + index * 60_000, internalDate: null, size: 0, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
  return { header, text: sentences.join(lang.joiner) };
}

/** Writes `count` messages with bodies into the data folder `dataDir` and indexes them; returns the seconds each step took. */
export async function writeBigSearchStore(dataDir: string, count: number, seed: number): Promise<{ writeMs: number; indexMs: number }> {
  mkdirSync(dataDir, { recursive: true });
  const store = new Store(dataDir);
  try {
    const started = performance.now();
    const folderId = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, is_local) VALUES (NULL, 'Archive', 'Archive', 1)").run().lastInsertRowid);
    for (let from = 0; from < count; from += BATCH) {
      const messages = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => generated(seed, from + i));
      store.write(() => {
        const ids = store.messages.insertHeaders(folderId, messages.map((m) => m.header));
        ids.forEach((id, i) => store.bodies.saveBody(id, { text: messages[i]!.text, html: null, warnings: [] }));
      });
    }
    const written = performance.now();
    await new SearchIndexer(store, parseInPlace, 'oldest-first').drain();
    return { writeMs: written - started, indexMs: performance.now() - written };
  } finally {
    store.close();
  }
}
