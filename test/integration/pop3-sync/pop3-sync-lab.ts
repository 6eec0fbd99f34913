import type { Pop3Policy } from '../../../src-main/ipc/contract';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { Pop3Source } from '../../../src-main/sync/pop3-source';
import { syncAccount } from '../../../src-main/sync/sync-account';
import type { Lab, LabUser } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { crlf, pop3Options } from '../pop3/pop3-lab';

export type Pop3PolicyInput = Partial<Pop3Policy>;

/** A POP3S account draft for a lab user, trusting the lab's certificate. */
export function pop3Draft(lab: Lab, user: LabUser, pop3: Pop3PolicyInput = {}, port = lab.ports.pop3s) {
  return {
    name: `${user.email} (POP3)`,
    email: user.email,
    protocol: 'pop3' as const,
    incoming: { host: lab.host, port, security: 'tls' as const, user: user.email },
    pop3: { leave: 'keep' as const, deleteAfterDays: null, maxMessageKb: null, ...pop3 },
    password: user.password,
    trustedCertSha256: lab.certFingerprint256,
  };
}

/** One check of the account as the sync worker runs it, but with the clock given (for "after N days"). */
export async function checkAt(test: TestCore, lab: Lab, user: LabUser, accountId: number, now: number) {
  const account = test.core.store.accounts.get(accountId)!;
  const client = await openPop3(pop3Options(lab, user));
  try {
    const source = new Pop3Source(client, test.core.store, accountId, { policy: account.pop3, now: () => now });
    const summary = await syncAccount(source, test.core.store, accountId, { bodies: false, onProgress: () => undefined });
    await client.quit();
    return summary;
  } finally {
    client.close();
  }
}

/** The UIDLs on the server now, seen from a separate session. */
export async function serverMessageCount(lab: Lab, user: LabUser): Promise<number> {
  const client = await openPop3(pop3Options(lab, user));
  try {
    const { count } = await client.stat();
    await client.quit();
    return count;
  } finally {
    client.close();
  }
}

export function labMessage(n: number, extra = ''): Buffer {
  return Buffer.from(crlf(`From: Sender ${n} <s${n}@example.test>\nTo: alice@example.test\nSubject: POP3 message ${n}\nMessage-ID: <pop3-${n}@example.test>\nDate: Tue, 01 Dec 2026 10:00:00 +0000\n\nBody ${n}.\n${extra}`));
}

/** The Message-IDs of the account's local Inbox. */
export function localMessageIds(test: TestCore, accountId: number): string[] {
  const rows = test.core.store.db
    .prepare('SELECT m.message_id FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.account_id = ? ORDER BY m.message_id')
    .pluck()
    .all(accountId) as string[];
  return rows;
}
