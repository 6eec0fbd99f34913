// The two rows of the POP3 bench: `wren sync` of a POP3 account and fetchmail, each from a
// cold state (fresh data dir / Maildir), the same maildrop, messages left on the server.
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Lab, LabUser } from '../../test/lab/lab';
import { makeTempDir, removeDir } from '../cleanup';
import { runMeasured } from '../measure';
import type { Measurement } from '../runners';

const execFileAsync = promisify(execFile);

export interface Pop3BenchContext {
  root: string;
  lab: Lab;
  user: LabUser;
  expected: number;
  certFile: string;
  timeTool: string | null;
}

export async function wrenPop3(context: Pop3BenchContext): Promise<Measurement> {
  const dir = await makeTempDir('bench-wren-pop3-');
  try {
    const env = { ...process.env, WREN_PASSWORD: context.user.password, XDG_CONFIG_HOME: path.join(dir, 'config') };
    const wren = (args: string[]) => [path.join(context.root, 'bin', 'wren.cjs'), '--data-dir', path.join(dir, 'data'), ...args];
    const { lab, user } = context;
    await execFileAsync(process.execPath, wren(['account', 'add', '--email', user.email, '--pop3-host', lab.host, '--pop3-port', String(lab.ports.pop3s),
      '--pop3-security', 'tls', '--pop3-policy', 'keep', '--trust-fingerprint', lab.certFingerprint256]), { env });
    const run = await runMeasured(process.execPath, wren(['--json', '--stats', 'sync']), { env, timeTool: context.timeTool });
    if (run.exitCode !== 0) throw new Error(`wren sync exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
    const { stdout } = await execFileAsync(process.execPath, wren(['--json', 'folders', '1']), { env });
    const inbox = (JSON.parse(stdout) as Array<{ role: string; total: number }>).find((f) => f.role === 'inbox')?.total ?? null;
    return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, messages: inbox, verified: inbox === context.expected };
  } finally {
    await removeDir(dir);
  }
}

/**
 * fetchmail, keeping mail on the server and fetching all of it, delivering each message
 * into a Maildir's new/ through the lightest MDA there is (`cat` into a file named by the
 * MDA shell's PID). It does not fsync, where wren flushes every blob before recording it:
 * that favours fetchmail.
 */
export async function fetchmail(context: Pop3BenchContext): Promise<Measurement> {
  const dir = await makeTempDir('bench-fetchmail-');
  try {
    const maildir = path.join(dir, 'Maildir');
    for (const sub of ['new', 'cur', 'tmp']) await mkdir(path.join(maildir, sub), { recursive: true });
    const rc = path.join(dir, 'fetchmailrc');
    await writeFile(rc, fetchmailConfig(context, dir, maildir), { mode: 0o600 });
    const run = await runMeasured('/usr/bin/fetchmail', ['-f', rc, '--nosyslog', '--silent'], { env: { ...process.env, HOME: dir }, timeTool: context.timeTool });
    // 0: mail fetched; anything else is a failure for this bench (1 would mean no mail).
    if (run.exitCode !== 0) throw new Error(`fetchmail exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
    const messages = (await readdir(path.join(maildir, 'new'))).length;
    return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, messages, verified: messages === context.expected };
  } finally {
    await removeDir(dir);
  }
}

function fetchmailConfig(context: Pop3BenchContext, dir: string, maildir: string): string {
  const { lab, user } = context;
  return `set no syslog
set idfile "${path.join(dir, 'fetchids')}"
poll localhost with protocol POP3 port ${lab.ports.pop3s} uidl
  user "${user.email}" there with password "${user.password}" is root here
  options ssl sslcertck sslcertfile "${context.certFile}" keep fetchall
  mda "cat > ${maildir}/new/$$"
`;
}
