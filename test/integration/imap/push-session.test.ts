import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPushSession, type FlagChange, type PushSession } from '../../../src-main/imap/push-session';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';

const WAIT_MS = 30_000;

/** The push connection against Dovecot: what another session does reaches it unasked. */
describe('push session (IDLE, QRESYNC)', () => {
  let lab: Lab;
  let session: PushSession;
  const vanished: number[] = [];
  const flags: FlagChange[] = [];
  let changed = 0;

  async function until(check: () => boolean, what: string): Promise<void> {
    const end = Date.now() + WAIT_MS;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function otherSession<T>(work: (client: Awaited<ReturnType<typeof connectImap>>) => Promise<T>): Promise<T> {
    const other = await connectImap(lab, lab.users[0]!.email);
    try {
      await other.mailboxOpen('INBOX');
      return await work(other);
    } finally {
      await other.logout();
    }
  }

  beforeAll(async () => {
    lab = await startLab();
    const user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { to: user.email })));
    session = await openPushSession(
      {
        server: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: user.email },
        password: user.password, allowPlaintext: false, pin: { sha256: lab.certFingerprint256, pem: lab.certPem },
      },
      'INBOX',
      {
        onChanged: () => (changed += 1),
        onVanished: (uids) => vanished.push(...uids),
        onFlags: (change) => flags.push(change),
        onClosed: () => undefined,
      },
    );
  });
  afterAll(async () => {
    session?.close();
    await lab?.stop();
  });

  it('hears of an expunge by another session as VANISHED UIDs (QRESYNC), with no search of the folder', async () => {
    const uid = await otherSession(async (other) => {
      const uids = (await other.search({ all: true }, { uid: true })) || [];
      await other.messageDelete(String(uids[0]), { uid: true });
      return uids[0]!;
    });
    await until(() => vanished.length > 0, 'VANISHED');
    expect(vanished).toEqual([uid]);
    expect(changed).toBe(0);
  });

  it('hears of flags another session sets, with the UID', async () => {
    const uid = await otherSession(async (other) => {
      const uids = (await other.search({ all: true }, { uid: true })) || [];
      await other.messageFlagsAdd(String(uids[0]), ['\\Flagged'], { uid: true });
      return uids[0]!;
    });
    // (The expunge before may show up here too: its \Deleted, set before the EXPUNGE.)
    await until(() => flags.some((change) => change.uid === uid), 'flags');
    expect(flags.find((change) => change.uid === uid)).toMatchObject({ flags: expect.arrayContaining(['\\Flagged']) });
  });

  it('is told of new mail (EXISTS)', async () => {
    await lab.seed(lab.users[0]!.email, 'INBOX', [simpleMessage(9, { to: lab.users[0]!.email })]);
    await until(() => changed > 0, 'EXISTS');
  });
});
