// A second IMAP session that stands in for "another device": it tells when the server agrees
// with what a client asked for, and puts the mailbox back as it was seeded, so the rows that
// follow (and the next round) meet the same INBOX.
import type { ImapFlow } from 'imapflow';
import { performance } from 'node:perf_hooks';
import type { Lab, LabUser } from '../../test/lab/lab';
import { connectImap } from '../../test/lab/lab';
import { toSequenceSet } from '../../src-main/imap/sequence-set';

/** The folder the move rows move into; created (and emptied back into INBOX) by the bench. */
export const MOVE_TARGET = 'BenchMoved';

const POLL_MS = 5;
const GIVE_UP_MS = 120_000;

export class ObserverSession {
  private constructor(private readonly client: ImapFlow) {}

  static async open(lab: Lab, user: LabUser): Promise<ObserverSession> {
    return new ObserverSession(await connectImap(lab, user.email));
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => undefined);
  }

  /** The move target exists, subscribed and empty, before a core or a client first looks. */
  async prepareMoveTarget(): Promise<void> {
    const exists = (await this.client.list()).some((folder) => folder.path === MOVE_TARGET);
    if (!exists) {
      await this.client.mailboxCreate(MOVE_TARGET);
      await this.client.mailboxSubscribe(MOVE_TARGET);
    }
    await this.restoreMoved();
  }

  async status(path: string): Promise<{ messages: number; unseen: number }> {
    const status = await this.client.status(path, { messages: true, unseen: true });
    if (!status) throw new Error(`STATUS ${path} failed`);
    return { messages: status.messages ?? 0, unseen: status.unseen ?? 0 };
  }

  /** Polls STATUS until `agrees` holds; returns the moment (performance.now()) it first did. */
  async waitUntil(agrees: (inbox: { messages: number; unseen: number }, target: { messages: number; unseen: number }) => boolean): Promise<number> {
    const deadline = performance.now() + GIVE_UP_MS;
    for (;;) {
      const [inbox, target] = [await this.status('INBOX'), await this.status(MOVE_TARGET)];
      if (agrees(inbox, target)) return performance.now();
      if (performance.now() > deadline) throw new Error(`the server did not agree within ${GIVE_UP_MS / 1000} s (INBOX ${JSON.stringify(inbox)}, ${MOVE_TARGET} ${JSON.stringify(target)})`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** UIDs of INBOX's unread messages, to make them unread again after a mark-read row. */
  unseenUids(): Promise<number[]> {
    return this.inFolder('INBOX', async () => ((await this.client.search({ seen: false }, { uid: true })) || []) as number[]);
  }

  async markUnseen(uids: number[]): Promise<void> {
    if (uids.length === 0) return;
    await this.inFolder('INBOX', () => this.client.messageFlagsRemove(toSequenceSet(uids), ['\\Seen'], { uid: true }));
  }

  /** Everything in the move target goes back into INBOX. */
  async restoreMoved(): Promise<void> {
    await this.inFolder(MOVE_TARGET, async () => {
      const selected = this.client.mailbox;
      if (selected && selected.exists > 0) await this.client.messageMove('1:*', 'INBOX');
    });
  }

  /**
   * Selects a folder for `work`, then closes it again: imapflow answers STATUS of the
   * selected folder from its own (stale) state, so the session must not stay in one.
   */
  private async inFolder<T>(path: string, work: () => Promise<T>): Promise<T> {
    const lock = await this.client.getMailboxLock(path);
    try {
      return await work();
    } finally {
      lock.release();
      await this.client.mailboxClose();
    }
  }
}
