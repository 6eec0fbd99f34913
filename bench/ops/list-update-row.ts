// "The list updates within one frame of the click": from the request (a flag change, a move of
// one message) to the reply of the `messages.list` that the UI sends on `store.changed`, once
// that reply shows the change. Measured through the core's request boundary (the UI's own
// path minus the IPC hop), with the sync worker replaying in the background as in the app.
import { performance } from 'node:perf_hooks';
import type { Events } from '../../src-main/ipc/contract';
import type { BenchContext, Measurement } from '../runners';
import { ObserverSession } from './observer-session';
import { newestIds, startSyncedCore, type SyncedCore } from './synced-core';

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;
const TRIALS = 20;

export async function wrenListUpdate(context: BenchContext): Promise<Measurement> {
  const observer = await ObserverSession.open(context.lab, context.user);
  try {
    await observer.prepareMoveTarget();
    const core = await startSyncedCore(context);
    try {
      const ids = await newestIds(core, TRIALS);
      const flag = await trials(ids, (id, i) => flagRoundTrip(core, id, i % 2 === 0));
      const move = await trials(ids, (id) => moveRoundTrip(core, id));
      await core.wren.call('sync.run', { accountId: core.accountId });
      const figures = { flagMedianMs: median(flag), flagMaxMs: Math.max(...flag), moveMedianMs: median(move), moveMaxMs: Math.max(...move) };
      return { wallMs: Math.max(figures.flagMedianMs, figures.moveMedianMs), maxRssBytes: null, messages: ids.length, verified: true, figures };
    } finally {
      await core.wren.dispose();
      await observer.restoreMoved();
    }
  } finally {
    await observer.close();
  }
}

async function trials(ids: number[], trial: (id: number, index: number) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (const [i, id] of ids.entries()) {
    times.push(await trial(id, i));
    // Let the replay it started get going, as between two clicks.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

async function flagRoundTrip(core: SyncedCore, id: number, flagged: boolean): Promise<number> {
  const changed = nextChange(core, id);
  const started = performance.now();
  await core.wren.call('messages.setFlags', { messageId: id, flagged });
  await changed;
  const page = await core.wren.call('messages.list', { folderId: core.inboxId, limit: 50 });
  const shown = performance.now();
  if (page.items.find((item) => item.id === id)?.flagged !== flagged) throw new Error(`message ${id}: the list does not show the flag change`);
  return shown - started;
}

async function moveRoundTrip(core: SyncedCore, id: number): Promise<number> {
  const changed = nextChange(core, id);
  const started = performance.now();
  await core.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: core.targetId });
  await changed;
  const page = await core.wren.call('messages.list', { folderId: core.inboxId, limit: 50 });
  const shown = performance.now();
  if (page.items.some((item) => item.id === id)) throw new Error(`message ${id}: the list still shows the moved message`);
  return shown - started;
}

/** The `store.changed` that names the message (the UI's cue to list again). */
function nextChange(core: SyncedCore, id: number): Promise<void> {
  return new Promise((resolve) => {
    const off = core.wren.core.events.on('store.changed', (event: Events['store.changed']) => {
      if (!event.changes.some((change) => change.entity === 'messages' && change.ids.includes(id))) return;
      off();
      resolve();
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
