// `--profile` for the send bench: a V8 CPU profile of the main thread during one row only (not the
// lab's start or the message set's making), with the per-area summary the sync rows print.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { summarizeProfile, type ProfileSummary } from '../profile-summary';

export async function profiled<T>(enabled: boolean, file: string, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary | null }> {
  if (!enabled) return { result: await work(), summary: null };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    return { result, summary: summarizeProfile(file, 15) };
  } finally {
    session.disconnect();
  }
}

export function describeSummary(summary: ProfileSummary, say: (line: string) => void, file: string): void {
  const busy = summary.totalMs - summary.idleMs;
  say(`    main-thread profile (${path.basename(file)}): busy ${Math.round(busy)} ms of ${Math.round(summary.totalMs)} ms`);
  say(`      by area: ${summary.byArea.slice(0, 8).map((a) => `${a.area} ${Math.round(a.ms)}`).join(', ')}`);
  say(`      hot: ${summary.hot.slice(0, 10).map((h) => `${h.name} ${Math.round(h.ms)}`).join('; ')}`);
}
