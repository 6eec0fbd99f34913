// Runs one private Dovecot in the foreground as a child process and waits until it serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dovecotConfig, oauth2ConfigPath, oauth2PassdbConfig, type DovecotConfigInput, type DovecotPorts } from './dovecot-config.js';
import { canConnect, freePorts, readGreeting, sleep } from './net-util.js';

const READY_TIMEOUT_MS = 15_000;
const PORT_ATTEMPTS = 4;

export interface RunningDovecot {
  ports: DovecotPorts;
  configPath: string;
  logPath: string;
  lmtpSocket: string;
  stop(): Promise<void>;
  /** Synchronous kill for process exit hooks, where nothing async runs any more. */
  killNow(): void;
}

export type DovecotInput = Omit<DovecotConfigInput, 'ports'>;

export async function startDovecot(input: DovecotInput): Promise<RunningDovecot> {
  for (let attempt = 1; ; attempt++) {
    const [imap, imaps, pop3, pop3s] = (await freePorts(4)) as [number, number, number, number];
    try {
      return await startOnPorts(input, { imap, imaps, pop3, pop3s });
    } catch (err) {
      // Another process may take a port between our probe and Dovecot's bind: pick new ones.
      if (!(err instanceof PortClash) || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
}

class PortClash extends Error {}

async function startOnPorts(input: DovecotInput, ports: DovecotPorts): Promise<RunningDovecot> {
  const { dir } = input;
  const configPath = path.join(dir, 'dovecot.conf');
  const logPath = path.join(dir, 'dovecot.log');
  const lmtpSocket = path.join(dir, 'run', 'lmtp');
  // A failed earlier attempt leaves its log and master.pid behind.
  await rm(logPath, { force: true });
  await rm(path.join(dir, 'run'), { recursive: true, force: true });
  await writeFile(configPath, dovecotConfig({ ...input, ports }));
  if (input.oauth2) await writeFile(oauth2ConfigPath(dir), oauth2PassdbConfig(input.oauth2.userinfoUrl), { mode: 0o644 });
  const child = spawnDovecot(configPath);
  const output = captureOutput(child);
  const handle: RunningDovecot = {
    ports,
    configPath,
    logPath,
    lmtpSocket,
    stop: () => killAndWait(child),
    killNow: () => killGroup(child),
  };
  try {
    await waitUntilReady(child, ports, lmtpSocket);
    return handle;
  } catch (err) {
    await handle.stop();
    const log = `${output()}\n${await logTail(logPath)}`;
    const message = `Dovecot did not start: ${(err as Error).message}\n--- dovecot output / log tail ---\n${log}`;
    throw /Address already in use/.test(log) ? new PortClash(message) : new Error(message);
  }
}

function spawnDovecot(configPath: string): ChildProcess {
  const dovecot = existsSync('/usr/sbin/dovecot') ? '/usr/sbin/dovecot' : 'dovecot';
  // setpriv --pdeathsig makes the kernel kill Dovecot if this Node process dies without
  // running its exit hooks (e.g. SIGKILL from a test runner timeout). Dovecot's own children
  // exit by themselves once the master is gone.
  const [cmd, args] = existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', dovecot, '-F', '-c', configPath]]
    : [dovecot, ['-F', '-c', configPath]];
  // detached: its own process group, so stop() can kill the master and all its children at once.
  const child = spawn(cmd, args as string[], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // A forgotten stop() must not keep Node alive; the exit hooks in lab.ts still kill it.
  child.unref();
  return child;
}

/** Keeps the last few KB of stdout/stderr: config errors are printed there, not to log_path. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-8000);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', append);
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  return () => text;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function waitUntilReady(child: ChildProcess, ports: DovecotPorts, lmtpSocket: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`dovecot exited (code ${child.exitCode}, signal ${child.signalCode})`);
    if (await isReady(ports, lmtpSocket)) return;
    await sleep(20);
  }
  throw new Error(`not ready after ${READY_TIMEOUT_MS} ms`);
}

async function isReady(ports: DovecotPorts, lmtpSocket: string): Promise<boolean> {
  // Login processes answer "Waiting for authentication process" until auth is up; a client
  // connecting then would see that line as its greeting, so wait for the real one.
  const realGreeting = (line: string | null, prefix: string): boolean =>
    line !== null && line.startsWith(prefix) && !line.includes('Waiting for authentication');
  const [imap, pop3, lmtp, imaps, pop3s] = await Promise.all([
    readGreeting({ port: ports.imap }),
    readGreeting({ port: ports.pop3 }),
    existsSync(lmtpSocket) ? readGreeting({ path: lmtpSocket }) : null,
    canConnect(ports.imaps),
    canConnect(ports.pop3s),
  ]);
  return realGreeting(imap, '* OK [CAPABILITY') && realGreeting(pop3, '+OK') && realGreeting(lmtp, '220') && imaps && pop3s;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // SIGKILL, not SIGTERM: a graceful Dovecot shutdown takes ~2.5 s (its log process lingers),
    // and a lab has nothing worth flushing.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

async function killAndWait(child: ChildProcess): Promise<void> {
  const exited = isRunning(child) ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
  // The child is unref'd; without this Node could exit before the 'exit' event arrives.
  child.ref();
  killGroup(child);
  await exited;
  await waitForGroupGone(child.pid);
}

/** Waits until no live (non-zombie) process is left in the group; zombies are init's to reap. */
async function waitForGroupGone(pgid: number | undefined): Promise<void> {
  if (pgid === undefined) return;
  for (let i = 0; i < 100 && (await liveGroupMembers(pgid)) > 0; i++) await sleep(10);
}

async function liveGroupMembers(pgid: number): Promise<number> {
  let count = 0;
  const pids = await readdir('/proc').catch(() => [] as string[]);
  for (const pid of pids.filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Format: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so split after ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') count++;
  }
  return count;
}

export async function logTail(logPath: string, lines = 40): Promise<string> {
  try {
    return (await readFile(logPath, 'utf8')).split('\n').slice(-lines).join('\n');
  } catch {
    return '(no dovecot log)';
  }
}
