import type { Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import type { TestCore } from '../imap/lab-core';

/** Bob's Inbox holds 'For Bob 1', Alice's 'For Alice N' for each N given: two mailboxes an account can be pointed at in turn. */
export async function seedTwoMailboxes(lab: Lab, aliceNumbers: number[]): Promise<void> {
  const [alice, bob] = lab.users;
  await lab.seed(bob!.email, 'INBOX', [simpleMessage(1, { to: bob!.email, subject: 'For Bob' })]);
  await lab.seed(alice!.email, 'INBOX', aliceNumbers.map((n) => simpleMessage(n, { to: alice!.email, subject: 'For Alice' })));
}

/** The subjects an account has cached in its INBOX, sorted. */
export function inboxSubjects(wren: TestCore, accountId: number): string[] {
  return wren.core.store.db
    .prepare("SELECT m.subject FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.account_id = ? AND f.path = 'INBOX' ORDER BY m.subject")
    .pluck().all(accountId) as string[];
}

/** An account update that points the account at Alice's mailbox on the same server. */
export function aliceLogin(lab: Lab) {
  const alice = lab.users[0]!;
  return { incoming: { host: lab.host, port: lab.ports.imaps, security: 'tls' as const, user: alice.email }, password: alice.password };
}
