// Issue 6's operation rows: move 1,000 messages and mark 10,000 read, by wren (the user's wait:
// the local apply; then the time until a second session sees the server agree) and by bare
// imapflow sending the same commands (UID MOVE over a set, UID STORE over a range).
import { performance } from 'node:perf_hooks';
import type { ImapFlow } from 'imapflow';
import { connectImap } from '../../test/lab/lab';
import { toSequenceSet } from '../../src-main/imap/sequence-set';
import type { BenchContext, Measurement } from '../runners';
import { MOVE_TARGET, ObserverSession } from './observer-session';
import { newestIds, startSyncedCore, type SyncedCore } from './synced-core';

export const MOVED = 1000;

/** wren: `messages.apply` move of INBOX's newest 1,000 into BenchMoved. */
export function wrenMove(context: BenchContext): Promise<Measurement> {
  return withCore(context, async (core, observer) => {
    const ids = await newestIds(core, MOVED);
    const started = performance.now();
    await core.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: core.targetId });
    const applied = performance.now();
    const agreed = await observer.waitUntil(movedOnServer(context));
    return { wallMs: agreed - started, messages: ids.length, figures: { localApplyMs: applied - started } };
  });
}

/** wren: `folders.markRead` on INBOX (every unread message; one STORE over a range on the server). */
export function wrenMarkRead(context: BenchContext): Promise<Measurement> {
  return withCore(context, async (core, observer) => {
    const started = performance.now();
    await core.wren.call('folders.markRead', { folderId: core.inboxId });
    const applied = performance.now();
    const agreed = await observer.waitUntil((inbox) => inbox.unseen === 0);
    return { wallMs: agreed - started, messages: context.expected, figures: { localApplyMs: applied - started } };
  });
}

/** Bare imapflow: one UID MOVE of the same newest 1,000 UIDs. */
export function imapflowMove(context: BenchContext): Promise<Measurement> {
  return withClient(context, async (client, observer) => {
    const uids = ((await client.search({ all: true }, { uid: true })) || []) as number[];
    const newest = uids.sort((a, b) => a - b).slice(-MOVED);
    const started = performance.now();
    await client.messageMove(toSequenceSet(newest), MOVE_TARGET, { uid: true });
    const answered = performance.now();
    const agreed = await observer.waitUntil(movedOnServer(context));
    return { wallMs: agreed - started, messages: newest.length, figures: { commandMs: answered - started } };
  });
}

/** Bare imapflow: UID STORE 1:* +FLAGS (\Seen). */
export function imapflowMarkRead(context: BenchContext): Promise<Measurement> {
  return withClient(context, async (client, observer) => {
    const started = performance.now();
    await client.messageFlagsAdd('1:*', ['\\Seen'], { uid: true });
    const answered = performance.now();
    const agreed = await observer.waitUntil((inbox) => inbox.unseen === 0);
    return { wallMs: agreed - started, messages: context.expected, figures: { commandMs: answered - started } };
  });
}

function movedOnServer(context: BenchContext) {
  return (inbox: { messages: number }, target: { messages: number }) => target.messages === MOVED && inbox.messages === context.expected - MOVED;
}

type Timed = Omit<Measurement, 'maxRssBytes' | 'verified'>;

/**
 * Runs `work` against a synced core, then lets the core finish (its replay and the sync
 * after it), stops it and puts the mailbox back: moved mail into INBOX, unread unread again.
 */
async function withCore(context: BenchContext, work: (core: SyncedCore, observer: ObserverSession) => Promise<Timed>): Promise<Measurement> {
  return observed(context, async (observer) => {
    const core = await startSyncedCore(context);
    try {
      const timed = await work(core, observer);
      await core.wren.call('sync.run', { accountId: core.accountId });
      return timed;
    } finally {
      await core.wren.dispose();
    }
  });
}

async function withClient(context: BenchContext, work: (client: ImapFlow, observer: ObserverSession) => Promise<Timed>): Promise<Measurement> {
  return observed(context, async (observer) => {
    const client = await connectImap(context.lab, context.user.email);
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        return await work(client, observer);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  });
}

async function observed(context: BenchContext, run: (observer: ObserverSession) => Promise<Timed>): Promise<Measurement> {
  const observer = await ObserverSession.open(context.lab, context.user);
  try {
    await observer.prepareMoveTarget();
    const unseen = await observer.unseenUids();
    try {
      const timed = await run(observer);
      return { ...timed, maxRssBytes: null, verified: true };
    } finally {
      await observer.restoreMoved();
      await observer.markUnseen(unseen);
    }
  } finally {
    await observer.close();
  }
}
