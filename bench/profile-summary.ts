// Reads a V8 .cpuprofile (node --cpu-prof) and answers the two questions the bench asks of
// wren: where does the main thread spend its time, and what ran during the longest stalls.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  /** Self time by function, largest first. */
  hot: Array<{ name: string; ms: number }>;
  /** Self time by package or source folder (sqlite, imapflow, wren store, …). */
  byArea: Array<{ area: string; ms: number }>;
  /** Busy stretches without a break for the event loop, longest first, with their heaviest frames. */
  stalls: Array<{ ms: number; top: string[] }>;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

export function summarizeProfile(file: string, limit = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  const stalls: Array<{ ms: number; frames: Map<string, number> }> = [];
  let stall: { ms: number; frames: Map<string, number> } | null = null;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    const name = frameName(node);
    totalMs += ms;
    const idle = node.callFrame.functionName === '(idle)';
    if (idle) idleMs += ms;
    add(self, name, ms);
    if (!IDLE.has(node.callFrame.functionName)) add(areas, areaOf(node.callFrame.url), ms);
    // A stall is a run of samples without going idle (GC counts as busy: it blocks too).
    if (idle) {
      if (stall) stalls.push(stall);
      stall = null;
    } else {
      stall ??= { ms: 0, frames: new Map() };
      stall.ms += ms;
      add(stall.frames, name, ms);
    }
  });
  if (stall) stalls.push(stall);
  const top = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    idleMs,
    hot: top(self).filter(([n]) => n !== '(idle)').slice(0, limit).map(([name, ms]) => ({ name, ms })),
    byArea: top(areas).slice(0, limit).map(([area, ms]) => ({ area, ms })),
    stalls: stalls.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => ({ ms: s.ms, top: top(s.frames).slice(0, 4).map(([n, ms]) => `${n} ${ms.toFixed(0)}ms`) })),
  };
}

function add<K>(map: Map<K, number>, key: K, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  return url.replace(/^.*\/(dist|src-main)\//, '$1/');
}

/** Which library or layer the time belongs to; wren's own code is one bundle, so it is one area. */
function areaOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/dist/main/')) return 'wren (dist/main)';
  if (url.startsWith('node:')) return 'node core';
  return url ? url : 'native / V8';
}
