// Real-server test lab: a private Dovecot (IMAP, POP3, LMTP) plus an SMTP submission server
// that delivers into it, all on 127.0.0.1 with a per-lab self-signed certificate.
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCert } from './cert.js';
import { MAIL_USER, mailRoot, maildirOf, passwdFile, splitEmail } from './dovecot-config.js';
import { startDovecot, type RunningDovecot } from './dovecot.js';
import { seedMessages } from './imap-util.js';
import { startSubmission, type RunningSubmission } from './submission.js';
import { lookupUser } from './system-user.js';

export { connectImap, doveadm, recreateFolder } from './imap-util.js';
export type { ImapConnectOptions } from './imap-util.js';

export interface LabUser {
  email: string;
  password: string;
}

export interface SeedOptions {
  /** IMAP flags for every seeded message, e.g. ['\\Seen']. */
  flags?: string[];
  /** INTERNALDATE for every seeded message; defaults to now. */
  date?: Date;
}

export interface Lab {
  dir: string;
  host: '127.0.0.1';
  ports: { imap: number; imaps: number; pop3: number; pop3s: number; submission: number; smtps: number };
  /** alice first, then bob, carol and any extra users from the options. */
  users: LabUser[];
  /** The lab's self-signed certificate (PEM); pass it as `ca` to verify TLS. */
  certPem: string;
  /** Like Node's X509Certificate.fingerprint256: 'AB:CD:...'. */
  certFingerprint256: string;
  /** Dovecot's LMTP socket: another SMTP server (startSubmission) delivers into the same mailboxes through it. */
  lmtpSocket: string;
  /** Dovecot's generated config and log, for doveadm and for debugging failed tests. */
  configPath: string;
  logPath: string;
  /** IMAP APPENDs the messages into the folder, creating the folder if missing. */
  seed(user: string, folder: string, messages: Array<string | Buffer>, opts?: SeedOptions): Promise<void>;
  /**
   * The user's Maildir root (INBOX's cur/new/tmp), for tests that poke the server state.
   * Maildir++ layout: folder 'a/b' lives in '.a.b', a '.' inside a name is stored as '\2e'
   * (listescape), and non-ASCII names are in modified UTF-7.
   */
  maildir(user: string): string;
  /** Kills Dovecot and the SMTP servers, waits for them, removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

export interface LabOptions {
  /** Extra users besides alice, bob and carol (same email replaces the default's password). */
  users?: LabUser[];
  /** Replaces Dovecot's advertised IMAP capabilities (see MOVELESS_CAPABILITY in lab-capabilities.ts). */
  imapCapability?: string;
  /** No Archive folder with \\Archive (as at Gmail or most small providers). */
  withoutArchive?: boolean;
  /** Locks the maildrop for the whole POP3 session, so a second session is refused with [IN-USE]. */
  pop3LockSession?: boolean;
  /** Dovecot's ACL plugin, for folders this account may read but not change (see readOnlyFolder). */
  acl?: boolean;
  /** Dovecot's quota plugin with this storage limit per user (e.g. '64K'): an APPEND past it gets NO [OVERQUOTA]. */
  quota?: string;
  /** With `quota`: at most this many messages per user too. */
  quotaMessages?: number;
  /**
   * OAuth2 logins: Dovecot's oauth2 passdb (XOAUTH2, OAUTHBEARER) and the SMTP server's XOAUTH2
   * check each token at this userinfo URL (test/lab/oauth2-provider.ts); passwords keep working.
   */
  oauth2?: { userinfoUrl: string };
}

export const DEFAULT_USERS: readonly LabUser[] = Object.freeze([
  { email: 'alice@example.test', password: 'alice-secret' },
  { email: 'bob@example.test', password: 'bob-secret' },
  { email: 'carol@example.test', password: 'carol-secret' },
]);

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  if (process.getuid?.() !== 0) throw new Error('startLab needs root: Dovecot must switch to its system users');
  const users = mergeUsers(options.users ?? []);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wren-lab-'));
  const parts: Parts = { dovecot: undefined, smtp: undefined };
  const stopAll = once(() => stopParts(dir, parts));
  const entry = registerForExit(dir, parts);
  try {
    const [cert, passwdPath] = await Promise.all([makeCert(dir), prepareDirs(dir, users)]);
    const dovecot = await startDovecot({ dir, certPath: cert.certPath, keyPath: cert.keyPath, passwdPath, imapCapability: options.imapCapability, withoutArchive: options.withoutArchive, pop3LockSession: options.pop3LockSession, acl: options.acl, quota: options.quota, quotaMessages: options.quotaMessages, oauth2: options.oauth2 });
    parts.dovecot = dovecot;
    const smtp = await startSubmission({ users, cert, lmtpSocket: dovecot.lmtpSocket, oauth2: options.oauth2 });
    parts.smtp = smtp;
    const lab: Lab = {
      dir,
      host: '127.0.0.1',
      ports: { ...dovecot.ports, ...smtp.ports },
      users,
      certPem: cert.certPem,
      certFingerprint256: cert.fingerprint256,
      lmtpSocket: dovecot.lmtpSocket,
      configPath: dovecot.configPath,
      logPath: dovecot.logPath,
      seed: (user, folder, messages, opts) => seedMessages(lab, user, folder, messages, opts),
      maildir: (user) => maildirOf(dir, user),
      stop: async () => {
        await stopAll();
        liveLabs.delete(entry);
      },
    };
    return lab;
  } catch (err) {
    await stopAll();
    liveLabs.delete(entry);
    throw err;
  }
}

function mergeUsers(extra: LabUser[]): LabUser[] {
  const byEmail = new Map<string, LabUser>();
  for (const user of [...DEFAULT_USERS, ...extra]) {
    splitEmail(user.email); // validates
    byEmail.set(user.email.toLowerCase(), { email: user.email.toLowerCase(), password: user.password });
  }
  return [...byEmail.values()];
}

/** Creates the lab layout with ownership Dovecot's unprivileged processes can live with. */
async function prepareDirs(dir: string, users: LabUser[]): Promise<string> {
  const mailUser = lookupUser(MAIL_USER);
  // The auth process (user dovecot) and mail processes (user mail) must traverse the lab dir.
  await chmod(dir, 0o711);
  await mkdir(mailRoot(dir), { mode: 0o700 });
  await chown(mailRoot(dir), mailUser.uid, mailUser.gid);
  const passwdPath = path.join(dir, 'passwd');
  await writeFile(passwdPath, passwdFile(users), { mode: 0o644 });
  return passwdPath;
}

interface Parts {
  dovecot: RunningDovecot | undefined;
  smtp: RunningSubmission | undefined;
}

async function stopParts(dir: string, parts: Parts): Promise<void> {
  await Promise.all([parts.smtp?.close(), parts.dovecot?.stop()]);
  await rm(dir, { recursive: true, force: true });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

// --- Last-resort cleanup when a test run crashes or is interrupted ---------------------------

interface LiveLab {
  dir: string;
  parts: Parts;
}

const liveLabs = new Set<LiveLab>();
let hooksInstalled = false;

function registerForExit(dir: string, parts: Parts): LiveLab {
  installExitHooks();
  const entry = { dir, parts };
  liveLabs.add(entry);
  return entry;
}

function killAllNow(): void {
  for (const { dir, parts } of liveLabs) {
    parts.dovecot?.killNow();
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort while exiting.
    }
  }
  liveLabs.clear();
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAllNow();
      // Only re-raise when nobody else handles the signal, so default termination still happens
      // and we don't override a runner's own handling.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}
