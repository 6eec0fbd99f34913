// Times the CPU work a header sync does per message outside imapflow: fromImapEnvelope (decoding
// the raw header fields and the BODYSTRUCTURE) and MessagesRepo.insertHeaders (rows and address
// book), on the bench mailbox's messages, best of N runs. With --record FILE it writes what both
// produce (records, then the stored rows) as JSON; with --check FILE it compares with such a file,
// so a faster version can be shown to give byte-identical results.
// --odd mixes header blocks the generator never writes into every fifth answer (odd-answers.ts).
//   node scripts/decode-headers-bench.mjs [--messages 10000] [--runs 5] [--odd] [--record F | --check F]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { forgetDecodedWords } from '../../src-main/mime/encoded-words';
import { fromImapEnvelope, type EnvelopeFetch } from '../../src-main/mime/envelope';
import { readHeaderFields } from '../../src-main/mime/header-fields';
import { splitHeaderBlock } from '../../src-main/mime/raw-headers';
import type { HeaderRecord } from '../../src-main/store/messages-repo';
import { Store } from '../../src-main/store/store';
import { benchPlan, fetchAnswers } from './fetch-answers';
import { withOddities } from './odd-answers';

/** The sync's batch (sync-folder.ts HEADER_BATCH): one transaction and one insertHeaders call each. */
const BATCH = 500;

function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Each run starts with no memoized encoded words, as a first sync does. */
function decodeAll(answers: EnvelopeFetch[]): HeaderRecord[] {
  forgetDecodedWords();
  return answers.map(fromImapEnvelope);
}

/** A store with one IMAP INBOX, in a temporary folder. */
function freshStore(): { store: Store; folderId: number; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wren-decode-bench-'));
  const store = new Store(dir);
  store.db.prepare("INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
  const accountId = store.db.prepare(
    `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
     VALUES ('a', 'alice@bench.example.test', 'imap', 'h', 993, 'tls', 'a', 's', 0)`,
  ).run().lastInsertRowid;
  const folderId = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, is_local) VALUES (?, 'INBOX', 'INBOX', 0)").run(accountId).lastInsertRowid);
  return { store, folderId, dispose: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Inserts in the sync's batches; gives the time spent in insertHeaders and, when asked, what was stored. */
function insertAll(records: HeaderRecord[], dump: boolean): { ms: number; stored?: unknown } {
  const { store, folderId, dispose } = freshStore();
  try {
    let ms = 0;
    for (let at = 0; at < records.length; at += BATCH) {
      const batch = records.slice(at, at + BATCH);
      const started = performance.now();
      store.write(() => store.messages.insertHeaders(folderId, batch));
      ms += performance.now() - started;
    }
    if (!dump) return { ms };
    const messages = store.db.prepare('SELECT * FROM messages ORDER BY id').all();
    const addressBook = store.db.prepare('SELECT * FROM address_book ORDER BY address').all();
    const folders = store.db.prepare('SELECT * FROM folders ORDER BY id').all();
    return { ms, stored: { messages, addressBook, folders } };
  } finally {
    dispose();
  }
}

/** What other callers (source parsing, mail file import) get from the same header blocks, warnings included. */
function readerOutputs(answers: EnvelopeFetch[]): unknown[] {
  return answers.map((answer) => {
    const raw = splitHeaderBlock(answer.headers ?? Buffer.alloc(0));
    const split = raw.map((h) => [h.name, h.value]);
    return { split, fields: readHeaderFields(raw), asShiftJis: readHeaderFields(raw, 'shift_jis') };
  });
}

export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: {
    messages: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' },
    record: { type: 'string' }, check: { type: 'string' }, odd: { type: 'boolean', default: false },
  } });
  const runs = Number(values.runs);
  let started = performance.now();
  const generated = fetchAnswers(benchPlan(Number(values.messages), Number(values.seed)));
  const answers = values.odd ? withOddities(generated) : generated;
  console.log(`built ${answers.length} FETCH answers in ${(performance.now() - started).toFixed(0)} ms`);
  decodeAll(answers); // warm-up
  const decodeMs = best(runs, () => decodeAll(answers));
  const records = decodeAll(answers);
  console.log(`fromImapEnvelope x${answers.length}: best of ${runs} ${decodeMs.toFixed(1)} ms`);
  insertAll(records, false); // warm-up
  let insertMs = Infinity;
  for (let i = 0; i < runs; i += 1) insertMs = Math.min(insertMs, insertAll(records, false).ms);
  console.log(`insertHeaders x${records.length} (batches of ${BATCH}): best of ${runs} ${insertMs.toFixed(1)} ms`);
  if (!values.record && !values.check) return 0;
  started = performance.now();
  const output = `${JSON.stringify({ records, readers: readerOutputs(answers), stored: insertAll(records, true).stored }, null, 1)}\n`;
  if (values.record) {
    writeFileSync(values.record, output);
    console.log(`recorded ${output.length} characters to ${values.record}`);
    return 0;
  }
  const expected = readFileSync(values.check!, 'utf8');
  const same = expected === output;
  console.log(same ? `identical to ${values.check}` : `DIFFERS from ${values.check}`);
  if (!same) writeFileSync(`${values.check}.new`, output);
  return same ? 0 : 1;
}
