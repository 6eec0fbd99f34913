// No-change resync of the synced INBOX: wren inside a running core (process start not
// counted), against mbsync's second run over the same Maildir (nothing new either).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeTempDir, removeDir } from '../cleanup';
import { runMeasured } from '../measure';
import { maildirCount, mbsyncConfig, type BenchContext, type Measurement } from '../runners';
import { ObserverSession } from './observer-session';
import { startSyncedCore } from './synced-core';

export async function wrenResync(context: BenchContext): Promise<Measurement> {
  const observer = await ObserverSession.open(context.lab, context.user);
  await observer.prepareMoveTarget().finally(() => observer.close());
  const core = await startSyncedCore(context);
  try {
    const started = performance.now();
    const outcome = await core.wren.call('sync.run', { accountId: core.accountId });
    const wallMs = performance.now() - started;
    const summary = outcome.summaries[0];
    const inbox = (await core.wren.call('folders.list', { accountId: core.accountId })).find((f) => f.path === 'INBOX');
    const unchanged = summary !== undefined && summary.newMessages === 0 && summary.removedMessages === 0 && summary.flagUpdates === 0;
    return { wallMs, maxRssBytes: null, messages: inbox?.total ?? null, verified: unchanged && inbox?.total === context.expected };
  } finally {
    await core.wren.dispose();
  }
}

export async function mbsyncResync(context: BenchContext): Promise<Measurement> {
  const tool = context.tools.mbsync;
  if ('missing' in tool) throw new Error(tool.missing);
  const dir = await makeTempDir('bench-mbsync-resync-');
  try {
    const mailDir = path.join(dir, 'mail');
    await mkdir(mailDir);
    const rc = path.join(dir, 'mbsyncrc');
    await writeFile(rc, mbsyncConfig(context, tool.tlsKeyword, mailDir), { mode: 0o600 });
    const first = await runMeasured(tool.path, ['-c', rc, '-a'], { timeTool: context.tools.time });
    if (first.exitCode !== 0) throw new Error(`mbsync exited with ${first.exitCode}: ${first.stderr.slice(-2000)}`);
    const run = await runMeasured(tool.path, ['-c', rc, '-a'], { timeTool: context.tools.time });
    if (run.exitCode !== 0) throw new Error(`mbsync exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
    const messages = await maildirCount(path.join(mailDir, 'INBOX'));
    return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, messages, verified: messages === context.expected };
  } finally {
    await removeDir(dir);
  }
}
