// `npm run bench -- --pop3 [N]`: POP3 download of the same realistic maildrop by `wren sync`
// and by fetchmail (delivering to a Maildir), at two mailbox sizes to show wren's peak RSS
// stays flat as the count grows. Results: test-artifacts/bench-pop3.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startLab, type Lab } from '../../test/lab/lab';
import { atCleanup, makeTempDir } from '../cleanup';
import type { MailboxPlan } from '../generator/generate-message';
import { megabytes } from '../report';
import type { Measurement } from '../runners';
import { seedInbox } from '../seed-maildir';
import { detectTools } from '../tools';
import { fetchmail, wrenPop3, type Pop3BenchContext } from './pop3-runners';

interface CountResult {
  messages: number;
  bytes: number;
  wren: Measurement | { error: string };
  fetchmail: Measurement | { error: string };
  ratio: number | null;
}

/** The smaller count, to compare peak RSS with the full one. */
const SMALL_COUNT = 2000;

export async function runPop3Bench(root: string, messages: number, seed: number, say: (line: string) => void): Promise<void> {
  const counts = [...new Set([Math.min(SMALL_COUNT, messages), messages])];
  const timeTool = detectTools().time;
  const lab = await startLab({ users: counts.map((count) => ({ email: `pop3-${count}@example.test`, password: 'bench-pw' })) });
  atCleanup(() => lab.stop());
  const certFile = path.join(await makeTempDir('bench-cert-'), 'lab-cert.pem');
  await writeFile(certFile, lab.certPem);
  const results: CountResult[] = [];
  for (const count of counts) {
    const user = lab.users.find((u) => u.email === `pop3-${count}@example.test`)!;
    say(`Seeding ${count} messages into ${user.email}'s maildrop...`);
    const mailbox = await seedInbox(lab, user.email, plan(count, seed, user.email), () => undefined);
    const context: Pop3BenchContext = { root, lab, user, expected: count, certFile, timeTool };
    const wren = await measured(`wren sync (POP3) ${count}`, () => wrenPop3(context), say);
    const other = await measured(`fetchmail ${count}`, () => fetchmail(context), say);
    const ratio = 'wallMs' in wren && 'wallMs' in other ? wren.wallMs / other.wallMs : null;
    results.push({ messages: count, bytes: mailbox.bytes, wren, fetchmail: other, ratio });
  }
  for (const line of describe(results)) say(line);
  const dir = path.join(root, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'bench-pop3.json'), `${JSON.stringify({ finishedAt: new Date().toISOString(), seed, results }, null, 2)}\n`);
  say('Results: test-artifacts/bench-pop3.json');
}

function plan(count: number, seed: number, address: string): MailboxPlan {
  return { count, seed, owner: { name: 'Alice Example', address }, end: new Date('2025-06-01T00:00:00Z'), spanDays: 730 };
}

async function measured(label: string, run: () => Promise<Measurement>, say: (line: string) => void): Promise<Measurement | { error: string }> {
  process.stdout.write(`${label.padEnd(28)} `);
  try {
    const m = await run();
    say(`${(m.wallMs / 1000).toFixed(2)} s, peak RSS ${megabytes(m.maxRssBytes)}, ${m.messages} messages${m.verified ? '' : ' (NOT ALL)'}`);
    return m;
  } catch (error) {
    say(`failed: ${(error as Error).message.split('\n')[0]}`);
    return { error: (error as Error).message };
  }
}

function describe(results: CountResult[]): string[] {
  return [
    '',
    'POP3 download (keep on server), cold start:',
    ...results.map((r) => `  ${r.messages} messages (${megabytes(r.bytes)}): wren/fetchmail time ${r.ratio === null ? 'n/a' : `${r.ratio.toFixed(3)}x`} (target <= 0.25x)` +
      `; wren peak RSS ${'wallMs' in r.wren ? megabytes(r.wren.maxRssBytes) : 'n/a'}`),
  ];
}

export type { Lab };
