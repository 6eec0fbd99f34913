import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { Pop3Error } from '../../../src-main/pop3/pop3-error';
import { splitHeaderBlock, firstHeader } from '../../../src-main/mime/raw-headers';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { killPoints, runKilled } from '../kill-loop';
import { pop3Options, readAll } from '../pop3/pop3-lab';
import { startCuttingRelay, type CuttingRelay } from './cutting-relay';

const run = promisify(execFile);
/**
 * Kills per policy: "download and delete" is where a kill could lose mail, so
 * it takes the full 20; "keep" (duplicates are its only risk) takes fewer to
 * keep CI short.
 */
const KILLS = { keep: 8, delete: 20 } as const;
const FIRST_BATCH = 100;
const PER_ROUND = 60;
/**
 * The line to the server is slowed to this (through a relay), so that a
 * round's download (about 1.3 MB) lasts a few seconds and spans many commits
 * (one per 200 messages or 150 ms): the kills land between and inside them.
 */
const LINE_BYTES_PER_SECOND = 500 * 1024;

let lab: Lab;
let dir: string;
let relay: CuttingRelay;

/** Runs `wren` like a user would; never throws. Each data folder has its own key file (the policies run side by side). */
async function wren(dataDir: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', dataDir, ...args], {
      env: { ...process.env, XDG_CONFIG_HOME: `${dataDir}-config`, ...env }, maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * `wren sync` killed with SIGKILL `delayMs` after its download starts (its
 * first progress line on stderr), or after it finished on its own.
 */
function killedSync(dataDir: string, account: string, delayMs: number): Promise<void> {
  return runKilled({
    args: ['--data-dir', dataDir, 'sync', account],
    env: { ...process.env, XDG_CONFIG_HOME: `${dataDir}-config` },
    delayMs,
    clock: { from: 'stderr', includes: 'INBOX: 0/' },
  });
}

/** A message with some weight, so a download takes long enough to be cut at different points. */
function delivered(user: LabUser, n: number): string {
  const filler = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(30)}\r\n`.repeat(1 + (n % 7) * 4);
  return simpleMessage(n, { subject: `Kill ${user.email.split('@')[0]}`, to: user.email }).replace(/\r\n$/, `\r\n${filler}`);
}

const messageIdOf = (n: number, user: LabUser) => `<kill-${user.email.split('@')[0]}-${n}@example.test>`;

/**
 * The Message-IDs still on the server (TOP 0 of each). A check killed just
 * after its QUIT went out is still being carried out by Dovecot (its session
 * expunges after the client is gone): a message listed here may be expunged
 * before its TOP, which Dovecot refuses ("Message 2 expunged."). The server
 * is then read again, once that QUIT is done.
 */
async function serverIds(user: LabUser): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serverIdsOnce(user);
    } catch (error) {
      if (!(error instanceof Pop3Error) || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function serverIdsOnce(user: LabUser): Promise<string[]> {
  const client = await openPop3(pop3Options(lab, user));
  try {
    const list = await client.list();
    const heads = await Promise.all(list.map(({ number }) => readAll(client.top(number, 0))));
    await client.quit();
    return heads.map((head) => firstHeader(splitHeaderBlock(head), 'message-id')!.trim());
  } finally {
    client.close();
  }
}

/** What the data folder holds: Message-IDs of rows that have their source file recorded. */
function storedIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'wren.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT m.message_id FROM messages m JOIN message_sources s ON s.message_id = m.id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wren-pop3-kill-'));
  lab = await startLab({ users: [{ email: 'keeper@example.test', password: 'keeper-pw' }, { email: 'taker@example.test', password: 'taker-pw' }] });
  relay = await startCuttingRelay(lab.ports.pop3s, lab.host, LINE_BYTES_PER_SECOND);
}, 240_000);
afterAll(async () => {
  await relay?.close();
  await lab?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The two policies' loops run side by side (their own user, data folder and
// connections): most of a round is waiting on the slowed line and on the kill.
describe.concurrent('wren sync of a POP3 account killed with SIGKILL at random points', () => {
  for (const policy of ['keep', 'delete'] as const) {
    it(`policy ${policy}: ${KILLS[policy]} kills, then a clean check: 0 lost, 0 duplicated, nothing deleted that is not stored`, async ({ expect }) => {
      const user = lab.users.find((u) => u.email === (policy === 'keep' ? 'keeper@example.test' : 'taker@example.test'))!;
      const dataDir = join(dir, policy);
      let sent = 0;
      const deliver = async (count: number) => {
        const batch = Array.from({ length: count }, (_, i) => delivered(user, sent + i + 1));
        await lab.seed(user.email, 'INBOX', batch);
        sent += count;
      };
      await deliver(FIRST_BATCH);
      const added = await wren(dataDir, ['account', 'add', '--name', policy, '--email', user.email, '--pop3-host', lab.host,
        '--pop3-port', String(relay.port), '--pop3-security', 'tls', '--pop3-policy', policy, '--trust-fingerprint', lab.certFingerprint256],
      { WREN_PASSWORD: user.password });
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      const allIds = () => Array.from({ length: sent }, (_, i) => messageIdOf(i + 1, user)).sort();
      const delays: number[] = [];
      const next = killPoints(`pop3-kill ${policy}`);
      let cutMidway = 0;
      for (let round = 0; round < KILLS[policy]; round++) {
        const delay = Math.floor(next() * 3000);
        delays.push(delay);
        const before = storedIds(dataDir).length;
        await killedSync(dataDir, policy, delay);
        const stored = storedIds(dataDir);
        if (stored.length > before && stored.length < sent) cutMidway += 1;
        const onServer = await serverIds(user);
        // Nothing deleted on the server that is not stored: every message delivered is in one place or the other.
        expect(new Set([...stored, ...onServer]), `after kill ${round + 1} at ${delay} ms`).toEqual(new Set(allIds()));
        expect(new Set(stored).size, 'no message stored twice').toBe(stored.length);
        await deliver(PER_ROUND);
      }
      // The kills must land inside downloads, not only before or after them, for this to prove anything.
      expect(cutMidway).toBeGreaterThan(2);
      const clean = await wren(dataDir, ['sync', policy]);
      expect(clean.code, clean.stderr).toBe(0);
      const stored = storedIds(dataDir).sort();
      expect(stored).toEqual(allIds());
      expect(await serverIds(user)).toHaveLength(policy === 'delete' ? 0 : sent);
      const folders = JSON.parse((await wren(dataDir, ['folders', policy, '--json'])).stdout) as Array<{ role: string; total: number }>;
      expect(folders.map((f) => [f.role, f.total])).toEqual([['inbox', sent], ['trash', 0]]);
      console.log(`[pop3 kill ${policy}] ${sent} messages; ${cutMidway} kills cut a download; kills at ${delays.join(', ')} ms`);
    }, 1_500_000);
  }
});
