import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { connectImap, startLab, type Lab, type LabOptions } from '../../lab/lab';
import { freePorts } from '../../lab/net-util';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

export interface ServerMessage {
  uid: number;
  subject: string;
  flags: string[];
}

/** What "another device" sees: a second IMAP session's view of a folder. */
export async function onServer(lab: Lab, user: string, folder: string): Promise<ServerMessage[]> {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const messages = await client.fetchAll('1:*', { uid: true, envelope: true, flags: true }, { uid: true }).catch(() => []);
    return messages.map((m) => ({ uid: m.uid, subject: m.envelope!.subject!, flags: [...m.flags!].filter((f) => f !== '\\Recent').sort() }))
      .sort((a, b) => a.uid - b.uid);
  } finally {
    await client.logout();
  }
}

/** The Message-ID simpleMessage gives a subject. */
export const messageIdOf = (subject: string) => `<${subject.replace(/\s+/g, '-').toLowerCase()}@example.test>`;

export const subjects = (messages: { subject: string }[]) => messages.map((m) => m.subject).sort();

/**
 * A lab, a test core and Bob's account in it, started before the calling describe's tests and stopped
 * after them: what every journal test file starts from. Call it in the describe, before any beforeAll
 * that uses the fixture.
 */
export function journalLab(options: LabOptions = {}): JournalFixture {
  const f = new JournalFixture();
  let lab: Lab | undefined;
  let wren: TestCore | undefined;
  beforeAll(async () => {
    lab = await startLab(options);
    wren = startCore();
    const bob = lab.users[1]!;
    f.bind({ lab, wren, accountId: (await wren.call('accounts.add', labDraft(lab, bob))).id, user: bob.email });
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });
  return f;
}

export interface JournalAccount {
  lab: Lab;
  wren: TestCore;
  accountId: number;
  /** The account's address on the lab. */
  user: string;
}

/** One account of a test core against the lab, with helpers to seed folders and wait for the journal. */
export class JournalFixture {
  readonly failed: Events['operation.failed'][] = [];
  private next = 1;
  private account?: JournalAccount;

  /** Without an account, journalLab binds one once the lab has started. */
  constructor(account?: JournalAccount) {
    if (account) this.bind(account);
  }

  bind(account: JournalAccount): void {
    this.account = account;
    account.wren.core.events.on('operation.failed', (event) => this.failed.push(event));
  }

  get lab(): Lab {
    return this.bound().lab;
  }

  get wren(): TestCore {
    return this.bound().wren;
  }

  get accountId(): number {
    return this.bound().accountId;
  }

  get user(): string {
    return this.bound().user;
  }

  private bound(): JournalAccount {
    if (!this.account) throw new Error('the journal lab starts in beforeAll: use the fixture in tests and hooks');
    return this.account;
  }

  folderId(path: string): number {
    const folder = this.wren.core.store.folders.list(this.accountId).find((f) => f.path === path);
    if (!folder) throw new Error(`no folder ${path}`);
    return folder.id;
  }

  /** Local list of a folder. */
  local(path: string) {
    return this.wren.core.store.messages.page(this.folderId(path), 0, 1000).items;
  }

  /** Seeds `count` new messages into a folder (created if needed) and syncs; returns their local ids by subject. */
  async seed(folder: string, count: number): Promise<Map<string, number>> {
    const numbers = Array.from({ length: count }, () => this.next++);
    await this.lab.seed(this.user, folder, numbers.map((n) => simpleMessage(n, { subject: `Op ${folder}` })));
    await this.wren.core.sync.run(this.accountId, false);
    const ids = new Map(this.local(folder).map((m) => [m.subject, m.id]));
    return new Map(numbers.map((n) => [`Op ${folder} ${n}`, ids.get(`Op ${folder} ${n}`)!]));
  }

  /** The journal is empty and a sync after it has run (the folder pass brought the cache to the server's view). */
  async settled(): Promise<void> {
    await vi.waitFor(() => expect(this.wren.core.store.operations.countUnfinished(this.accountId)).toBe(0), { timeout: 30_000, interval: 50 });
    await this.wren.core.sync.run(this.accountId, false);
    this.expectCountsMatchRows();
  }

  /** Each folder's kept counts (maintained by triggers, shown as badges) equal its rows. */
  expectCountsMatchRows(): void {
    const drift = this.wren.core.store.db
      .prepare(
        `SELECT f.path, f.total_count AS total, f.unread_count AS unread,
           (SELECT count(*) FROM messages m WHERE m.folder_id = f.id) AS rows,
           (SELECT count(*) FROM messages m WHERE m.folder_id = f.id AND m.seen = 0) AS unseenRows
         FROM folders f WHERE f.account_id = ?`,
      )
      .all(this.accountId) as { path: string; total: number; unread: number; rows: number; unseenRows: number }[];
    expect(drift.filter((f) => f.total !== f.rows || f.unread !== f.unseenRows)).toEqual([]);
  }

  /** The account's server stops answering (a closed port), as when the laptop is offline. */
  async goOffline(): Promise<void> {
    const [closed] = await freePorts(1);
    this.wren.core.store.db.prepare('UPDATE accounts SET incoming_port = ? WHERE id = ?').run(closed, this.accountId);
    this.wren.core.sessions.closeAccount(this.accountId);
    this.wren.core.sync.dropConnection(this.accountId);
    await this.wren.core.sync.run(this.accountId, false).catch(() => undefined);
    expect(this.wren.core.status.get(this.accountId).state).toBe('offline');
  }

  goOnline(): void {
    this.wren.core.store.db.prepare('UPDATE accounts SET incoming_port = ? WHERE id = ?').run(this.lab.ports.imaps, this.accountId);
  }
}
