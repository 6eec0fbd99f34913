// Turns the measurements into medians, ratios and warnings; prints the table and writes JSON.
import type { ProfileSummary } from './profile-summary';
import type { SeededMailbox } from './seed-maildir';
import type { Lag, Measurement } from './runners';
import { FRAME_MS } from './ops/list-update-row';

/** Above this, main-thread work in the app would make the window stutter or freeze. */
export const LAG_P99_LIMIT_MS = 50;

export interface RowResult {
  id: string;
  label: string;
  runs: Measurement[];
  /** Why the row did not run (tool missing) or why a run failed. */
  skipped?: string;
  error?: string;
  median?: Measurement;
}

export interface Ratio {
  name: string;
  value: number | null;
}

export interface BenchReport {
  finishedAt: string;
  machine: { node: string; cpus: number; platform: string };
  options: { messages: number; runs: number; seed: number };
  tools: { mbsync: string | null; time: string | null };
  mailbox: SeededMailbox;
  rows: RowResult[];
  ratios: Ratio[];
  warnings: string[];
  notes: string[];
  /** --profile: the wren runs' CPU profiles, summarized. */
  profiles?: Array<{ file: string; summary: ProfileSummary }>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianOf(runs: Measurement[], pick: (m: Measurement) => number | null | undefined): number | undefined {
  const values = runs.map(pick).filter((v): v is number => typeof v === 'number');
  return values.length ? median(values) : undefined;
}

/** Each figure's median on its own (wall time, memory and lag of different runs may differ). */
export function summarize(runs: Measurement[]): Measurement | undefined {
  if (runs.length === 0) return undefined;
  const lagRuns = runs.filter((r) => r.lag);
  const lag: Lag | undefined = lagRuns.length
    ? { p50: medianOf(lagRuns, (r) => r.lag!.p50)!, p99: medianOf(lagRuns, (r) => r.lag!.p99)!, max: Math.max(...lagRuns.map((r) => r.lag!.max)) }
    : undefined;
  return {
    wallMs: medianOf(runs, (r) => r.wallMs)!,
    maxRssBytes: medianOf(runs, (r) => r.maxRssBytes) ?? null,
    cpuMs: medianOf(runs, (r) => r.cpuMs) ?? null,
    messages: medianOf(runs, (r) => r.messages) ?? null,
    verified: runs.every((r) => r.verified),
    lag,
    bodiesStartMs: medianOf(runs, (r) => r.bodiesStartMs),
    storedBytes: medianOf(runs, (r) => r.storedBytes),
    figures: medianFigures(runs),
    cpuByThread: medianThreadCpu(runs),
  };
}

/** Each thread name's median over the runs that sampled it. */
function medianThreadCpu(runs: Measurement[]): Record<string, number> | undefined {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.cpuByThread ?? {})))];
  if (names.length === 0) return undefined;
  const medians = names.map((name) => [name, medianOf(runs, (r) => r.cpuByThread?.[name])!] as const);
  return Object.fromEntries(medians.sort((a, b) => b[1] - a[1]));
}

function medianFigures(runs: Measurement[]): Record<string, number> | undefined {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.figures ?? {})))];
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((name) => [name, medianOf(runs, (r) => r.figures?.[name])!]));
}

/** A row's median wall time, or one of its figures ("row.figure"). */
function figure(rows: RowResult[], ref: string): number | undefined {
  const [id, name] = ref.split('.') as [string, string | undefined];
  const m = rows.find((r) => r.id === id)?.median;
  return name ? m?.figures?.[name] : m?.wallMs;
}

export function ratios(rows: RowResult[]): Ratio[] {
  const ratio = (name: string, a: string, b: string | number): Ratio => {
    const [x, y] = [figure(rows, a), typeof b === 'number' ? b : figure(rows, b)];
    return { name, value: x !== undefined && y ? x / y : null };
  };
  return [
    ratio('wren sync / imapflow fetch headers', 'wren-headers', 'imapflow-headers'),
    ratio('wren sync --bodies / mbsync', 'wren-bodies', 'mbsync'),
    ratio('wren sync --bodies / imapflow fetch bodies', 'wren-bodies', 'imapflow-bodies'),
    ratio('wren no-change resync / mbsync no-change', 'wren-resync', 'mbsync-resync'),
    ratio('move 1,000: wren local apply / imapflow UID MOVE', 'wren-move.localApplyMs', 'imapflow-move'),
    ratio('move 1,000: wren server agrees / imapflow', 'wren-move', 'imapflow-move'),
    ratio('mark all read: wren local apply / imapflow STORE', 'wren-mark-read.localApplyMs', 'imapflow-mark-read'),
    ratio('mark all read: wren server agrees / imapflow', 'wren-mark-read', 'imapflow-mark-read'),
    ratio('list shows a flag change / one frame (16.7 ms)', 'wren-list-update.flagMedianMs', FRAME_MS),
    ratio('list shows a move / one frame (16.7 ms)', 'wren-list-update.moveMedianMs', FRAME_MS),
    ratio('search a word: wren index / grep -r -l over the sources', 'wren-search.englishMedianMs', 'wren-search.grepMs'),
    ratio('search a Chinese word: wren / grep (English word)', 'wren-search.chineseMedianMs', 'wren-search.grepMs'),
  ];
}

export function lagWarnings(rows: RowResult[]): string[] {
  const warnings: string[] = [];
  for (const row of rows) {
    const lag = row.median?.lag;
    if (lag && lag.p99 > LAG_P99_LIMIT_MS) {
      warnings.push(`${row.label}: event-loop lag p99 ${fmt(lag.p99, 0)} ms (max ${fmt(lag.max, 0)} ms) is above ${LAG_P99_LIMIT_MS} ms: this main-thread work would freeze the Electron window during sync.`);
    } else if (lag && lag.max > 4 * LAG_P99_LIMIT_MS) {
      warnings.push(`${row.label}: p99 lag is fine but one stall reached ${fmt(lag.max, 0)} ms (a visible hitch in the window).`);
    }
  }
  return warnings;
}

// --- Printing ------------------------------------------------------------------------------

function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function megabytes(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? '—' : `${fmt(bytes / 1024 / 1024)} MB`;
}

export function describeMailbox(m: SeededMailbox): string[] {
  const pct = (n: number) => `${fmt((100 * n) / m.messages, 0)}%`;
  const kinds = Object.entries(m.byKind).map(([kind, k]) => `${kind} ${k.messages} (${megabytes(k.bytes)})`).join(', ');
  return [
    `Mailbox: ${m.messages.toLocaleString('en-US')} messages, ${megabytes(m.bytes)} in all, largest ${megabytes(m.largestBytes)}`,
    `  ${kinds}`,
    `  ${pct(m.seen)} \\Seen, ${pct(m.flagged)} \\Flagged`,
    `Seeding (not timed below): files ${fmt(m.timings.writeMs / 1000, 2)} s, Dovecot indexing ${fmt(m.timings.indexMs / 1000, 2)} s, warm-up fetch ${fmt(m.timings.warmUpMs / 1000, 2)} s`,
  ];
}

function table(header: string[], body: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

function rowCells(row: RowResult, mailboxBytes: number): string[] {
  const m = row.median;
  if (!m) return [row.label, row.skipped ? 'skipped' : 'FAILED', '', '', '', '', '', '', ''];
  const seconds = m.wallMs / 1000;
  const synced = m.messages === null ? '—' : `${m.messages}${m.verified ? ' ok' : ' WRONG'}`;
  const lag = m.lag ? `${fmt(m.lag.p50)} / ${fmt(m.lag.p99)} / ${fmt(m.lag.max, 0)}` : '';
  const runs = row.runs.length > 1 ? `${fmt(Math.min(...row.runs.map((r) => r.wallMs)) / 1000, 2)}–${fmt(Math.max(...row.runs.map((r) => r.wallMs)) / 1000, 2)}` : '';
  // Only the rows that download the whole mailbox move its bytes.
  const throughput = ['mbsync', 'imapflow-bodies', 'wren-bodies'].includes(row.id) ? fmt(mailboxBytes / 1024 / 1024 / seconds, 0) : '';
  const cpu = m.cpuMs == null ? '' : fmt(m.cpuMs / 1000, 2);
  return [row.label, fmt(seconds, 2), runs, cpu, fmt((m.messages ?? 0) / seconds, 0), throughput, megabytes(m.maxRssBytes), synced, lag];
}

export function printReport(report: BenchReport, out: (line: string) => void): void {
  const header = ['Row', 'Wall s', 'Range s', 'CPU s', 'msg/s', 'MB/s', 'Peak RSS', 'Synced', 'Lag p50 / p99 / max ms'];
  out('');
  for (const line of table(header, report.rows.map((row) => rowCells(row, report.mailbox.bytes)))) out(line);
  out('');
  for (const row of report.rows) {
    if (row.skipped) out(`${row.label}: skipped: ${row.skipped}`);
    if (row.error) out(`${row.label}: failed: ${row.error}`);
    const m = row.median;
    if (m?.bodiesStartMs !== undefined) {
      out(`${row.label}: headers phase ${fmt(m.bodiesStartMs / 1000, 2)} s, bodies phase ${fmt((m.wallMs - m.bodiesStartMs) / 1000, 2)} s (split at the first "bodies" progress line)`);
    }
    if (m?.storedBytes !== undefined) out(`${row.label}: stored ${megabytes(m.storedBytes)} on disk`);
    if (m?.cpuByThread) out(`${row.label}: CPU s by thread: ${Object.entries(m.cpuByThread).map(([name, ms]) => `${name} ${fmt(ms / 1000, 2)}`).join(', ')}`);
    if (m?.figures) out(`${row.label}: ${Object.entries(m.figures).map(([name, ms]) => `${name} ${fmt(ms, 1)}`).join(', ')}`);
  }
  out('');
  out('Ratios of wall time (same run; 1.00× = as fast as the reference, higher = slower):');
  for (const r of report.ratios) out(`  ${r.name.padEnd(52)} ${r.value === null ? 'n/a' : `${fmt(r.value, 2)}×`}`);
  for (const profile of report.profiles ?? []) printProfile(profile.file, profile.summary, out);
  for (const warning of report.warnings) out(`\nWARNING ${warning}`);
  for (const note of report.notes) out(`Note: ${note}`);
}

function printProfile(file: string, p: ProfileSummary, out: (line: string) => void): void {
  const share = (ms: number) => `${fmt((100 * ms) / p.totalMs, 0)}%`;
  out('');
  out(`CPU profile ${file} (main thread ${fmt(p.totalMs / 1000, 2)} s, idle ${share(p.idleMs)}):`);
  out(`  by area: ${p.byArea.slice(0, 8).map((a) => `${a.area} ${share(a.ms)}`).join(', ')}`);
  out('  hottest functions (self time):');
  for (const h of p.hot.slice(0, 10)) out(`    ${fmt(h.ms, 0).padStart(6)} ms  ${h.name}`);
  out('  longest busy stretches (no idle sample; timers may still run inside them):');
  for (const s of p.stalls.slice(0, 3)) out(`    ${fmt(s.ms, 0).padStart(6)} ms  ${s.top.join(', ')}`);
}
