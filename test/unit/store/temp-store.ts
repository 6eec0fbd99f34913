import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { Store } from '../../../src-main/store/store';

/** A store in a fresh temporary folder, removed by `dispose`. */
export function tempStore(): { store: Store; dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wren-store-'));
  const store = new Store(dir);
  return { store, dir, dispose: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** An IMAP account row (and the sealed-secret row it points at) for tests that need one; gives its id. */
export function insertAccountRow(store: Store, email = 'me@test.org'): number {
  store.db.prepare("INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
  const inserted = store.db.prepare(
    `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
     VALUES ('a', ?, 'imap', 'h', 993, 'tls', 'a', 's', 0)`,
  ).run(email);
  return Number(inserted.lastInsertRowid);
}

/** An IMAP account `name` (name@example.test) with its secret, inserted through the repos; gives its id. */
export function addAccount(store: Store, name: string): number {
  return store.write(() => {
    store.secrets.put(`s-${name}`, { scheme: 'test', sealed: Buffer.from([1]) });
    return store.accounts.insert({
      name, email: `${name}@example.test`, displayName: '', protocol: 'imap',
      incoming: { host: 'imap.example.test', port: 993, security: 'tls', user: name }, smtp: null,
      allowPlaintext: false, passwordSecretId: `s-${name}`, trustedCertSha256: null, trustedCertPem: null,
    });
  });
}

/** A folder row of an account (null: the Local Folders), named as its path; gives its id. */
export function addFolder(store: Store, accountId: number | null, path: string, role: string | null): number {
  return Number(store.db.prepare('INSERT INTO folders (account_id, path, name, role) VALUES (?, ?, ?, ?)').run(accountId, path, path, role).lastInsertRowid);
}

/** A header as a sync would store it, every field empty but those given: each test names only what it is about. */
export function headerRecord(fields: Partial<HeaderRecord>): HeaderRecord {
  return {
    uid: null, uidl: null, messageId: null, inReplyTo: null, threadRoot: null, subject: '', from: { name: '', address: '' }, to: [], cc: [],
    date: null, internalDate: null, size: 0, flags: [], hasAttachments: false, structure: null, modseq: null, ...fields,
  };
}
