// Proves the real-server lab works end to end: SMTP submission -> LMTP -> Dovecot -> IMAP/POP3,
// with TLS verified against the lab's own certificate everywhere.
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../../lab/fixtures.js';
import { connectImap, recreateFolder, startLab, type Lab } from '../../lab/lab.js';
import { readGreeting } from '../../lab/net-util.js';
import { pop3Probe, Pop3Error } from '../../lab/pop3-probe.js';

let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
});

afterAll(async () => {
  await lab?.stop();
});

const user = (email: string): { user: string; pass: string } => ({
  user: email,
  pass: lab.users.find((u) => u.email === email)!.password,
});

function submit(port: 'submission' | 'smtps', auth: { user: string; pass: string }) {
  return nodemailer.createTransport({
    host: lab.host,
    port: lab.ports[port],
    secure: port === 'smtps',
    requireTLS: port === 'submission',
    tls: { ca: [lab.certPem] },
    auth,
  });
}

interface Fetched {
  source: Buffer;
  subject: string | undefined;
  secure: boolean;
}

/** Fetches the newest INBOX message with that subject; null when none. */
async function fetchBySubject(email: string, subject: string, mode: 'imaps' | 'starttls'): Promise<Fetched | null> {
  const client = await connectImap(lab, email, { mode });
  try {
    await client.mailboxOpen('INBOX');
    const uids = await client.search({ header: { subject } }, { uid: true });
    if (!uids || uids.length === 0) return null;
    const message = await client.fetchOne(String(uids.at(-1)), { source: true, envelope: true }, { uid: true });
    if (!message || !message.source) return null;
    return { source: message.source, subject: message.envelope?.subject, secure: client.secureConnection };
  } finally {
    await client.logout();
  }
}

describe('lab startup', () => {
  // How fast it starts is no test's business (a loaded CI machine would fail it): only what it exposes.
  it('exposes distinct loopback ports, users and a cert', () => {
    const ports = Object.values(lab.ports);
    expect(new Set(ports).size).toBe(6);
    expect(lab.users[0]?.email).toBe('alice@example.test');
    const cert = new X509Certificate(lab.certPem);
    expect(cert.subject).toBe('CN=localhost');
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(lab.certFingerprint256).toBe(cert.fingerprint256);
    expect(lab.certFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(readFileSync(lab.configPath, 'utf8')).toContain(`base_dir = ${lab.dir}/run`);
  });

  it('offers STARTTLS on plain IMAP, then IDLE, CONDSTORE and QRESYNC after login', async () => {
    expect(await readGreeting({ port: lab.ports.imap })).toContain('STARTTLS');
    const client = await connectImap(lab, 'alice@example.test', { mode: 'starttls' });
    try {
      for (const cap of ['IDLE', 'CONDSTORE', 'QRESYNC', 'UIDPLUS', 'MOVE']) expect(client.capabilities.has(cap)).toBe(true);
    } finally {
      await client.logout();
    }
    // STLS is exercised for real by pop3Probe({ mode: 'stls' }) below.
  });
});

describe('submission -> LMTP -> mailbox', () => {
  const subject = `Lab delivery ${Date.now()} – ünïcödé`;
  const text = 'First line\n.line starting with a dot\nLast line: 你好\n';

  it('delivers a STARTTLS + AUTH submission to bob, readable over IMAP (STARTTLS and IMAPS)', async () => {
    const info = await submit('submission', user('alice@example.test')).sendMail({
      from: 'alice@example.test',
      to: 'bob@example.test',
      subject,
      text,
    });
    expect(info.accepted).toEqual(['bob@example.test']);

    for (const mode of ['starttls', 'imaps'] as const) {
      const fetched = await fetchBySubject('bob@example.test', subject, mode);
      expect(fetched, mode).not.toBeNull();
      expect(fetched!.secure, mode).toBe(true);
      expect(fetched!.subject).toBe(subject);
      expect((await simpleParser(fetched!.source)).text).toBe(text);
      // Proof it went through Dovecot's LMTP, which stamps the final recipient.
      expect(fetched!.source.toString()).toContain('Delivered-To: bob@example.test');
    }
    expect(mailFiles(lab.maildir('bob@example.test'))).toHaveLength(1);
  });

  it('serves the same message over POP3S and POP3 + STLS with the body intact', async () => {
    for (const mode of ['pop3s', 'stls'] as const) {
      const port = mode === 'pop3s' ? lab.ports.pop3s : lab.ports.pop3;
      const result = await pop3Probe({ host: lab.host, port, mode, ca: lab.certPem, ...toPop3(user('bob@example.test')) });
      expect(result.count).toBe(1);
      expect(result.uidl).toHaveLength(1);
      expect(result.uidl[0]?.uid).toMatch(/^[0-9a-f]{16}$/i);
      const parsed = await simpleParser(result.first!);
      expect(parsed.subject).toBe(subject);
      expect(parsed.text).toBe(text);
    }
  });

  it('accepts implicit-TLS submission on the smtps port', async () => {
    const smtpsSubject = `Via smtps ${Date.now()}`;
    const info = await submit('smtps', user('carol@example.test')).sendMail({
      from: 'carol@example.test',
      to: 'carol@example.test',
      subject: smtpsSubject,
      text: 'sent over implicit TLS\n',
    });
    expect(info.accepted).toEqual(['carol@example.test']);
    const fetched = await fetchBySubject('carol@example.test', smtpsSubject, 'imaps');
    expect(fetched?.subject).toBe(smtpsSubject);
  });
});

function toPop3(auth: { user: string; pass: string }): { user: string; password: string } {
  return { user: auth.user, password: auth.pass };
}

describe('rejections', () => {
  it('rejects a wrong password at SMTP AUTH with 535', async () => {
    const send = submit('submission', { user: 'alice@example.test', pass: 'wrong' }).sendMail({
      from: 'alice@example.test',
      to: 'bob@example.test',
      subject: 'should not arrive',
      text: 'x',
    });
    await expect(send).rejects.toMatchObject({ responseCode: 535 });
  });

  it('fails IMAP and POP3 login with a wrong password', async () => {
    await expect(connectImap(lab, 'alice@example.test', { password: 'wrong' })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    const probe = pop3Probe({ host: lab.host, port: lab.ports.pop3s, mode: 'pop3s', ca: lab.certPem, user: 'alice@example.test', password: 'wrong' });
    await expect(probe).rejects.toBeInstanceOf(Pop3Error);
  });

  it('rejects an unknown recipient with 550', async () => {
    const send = submit('submission', user('alice@example.test')).sendMail({
      from: 'alice@example.test',
      to: 'nobody@example.test',
      subject: 'to nobody',
      text: 'x',
    });
    await expect(send).rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses TLS when the client does not trust the lab certificate', async () => {
    const transport = nodemailer.createTransport({ host: lab.host, port: lab.ports.smtps, secure: true, auth: user('alice@example.test') });
    await expect(transport.verify()).rejects.toThrow(/self[- ]signed|certificate/i);
  });
});

describe('seed, recreateFolder and special-use folders', () => {
  it('seeds fixtures into a new folder with the given flags, byte for byte', async () => {
    const seen = [readFixture('plain-ascii.eml'), readFixture('gbk-subject-body.eml')];
    const unseen = [readFixture('attachment-pdf.eml')];
    await lab.seed('alice@example.test', 'Fixtures', seen, { flags: ['\\Seen'], date: new Date('2024-01-02T03:04:05Z') });
    await lab.seed('alice@example.test', 'Fixtures', unseen);

    const client = await connectImap(lab, 'alice@example.test');
    try {
      expect((await client.list()).map((m) => m.path)).toContain('Fixtures');
      await client.mailboxOpen('Fixtures');
      const messages = await client.fetchAll('1:*', { source: true, flags: true, internalDate: true });
      expect(messages.map((m) => m.source)).toEqual([...seen, ...unseen]);
      expect(messages.map((m) => m.flags?.has('\\Seen'))).toEqual([true, true, false]);
      expect(new Date(messages[0]!.internalDate!).toISOString()).toBe('2024-01-02T03:04:05.000Z');
    } finally {
      await client.logout();
    }
  });

  it('recreateFolder keeps the messages but changes UIDVALIDITY (folder and INBOX)', async () => {
    await lab.seed('carol@example.test', 'Recreate', [readFixture('big5.eml'), readFixture('no-date.eml')], { flags: ['\\Flagged'] });
    const folder = await recreateFolder(lab, 'carol@example.test', 'Recreate');
    expect(folder.newUidValidity).not.toBe(folder.oldUidValidity);
    const inbox = await recreateFolder(lab, 'carol@example.test', 'INBOX');
    expect(inbox.newUidValidity).not.toBe(inbox.oldUidValidity);

    const client = await connectImap(lab, 'carol@example.test');
    try {
      const mailbox = await client.mailboxOpen('Recreate');
      expect(mailbox.uidValidity).toBe(folder.newUidValidity);
      const messages = await client.fetchAll('1:*', { source: true, flags: true });
      expect(messages.map((m) => m.source)).toEqual([readFixture('big5.eml'), readFixture('no-date.eml')]);
      expect(messages.every((m) => m.flags?.has('\\Flagged'))).toBe(true);
      expect(await client.status('INBOX', { messages: true, uidValidity: true })).toMatchObject({
        messages: 1,
        uidValidity: inbox.newUidValidity,
      });
    } finally {
      await client.logout();
    }
  });

  it('has Sent, Drafts, Trash, Junk and Archive flagged by the server and subscribed', async () => {
    const client = await connectImap(lab, 'bob@example.test');
    try {
      const list = await client.list();
      for (const name of ['Sent', 'Drafts', 'Trash', 'Junk', 'Archive']) {
        const entry = list.find((m) => m.path === name);
        expect(entry, name).toBeDefined();
        expect(entry!.specialUse).toBe(`\\${name}`);
        expect(entry!.specialUseSource).toBe('extension');
        expect(entry!.subscribed).toBe(true);
      }
    } finally {
      await client.logout();
    }
  });
});

describe('folder names', () => {
  it("uses '/' as delimiter and accepts '.', spaces and non-ASCII in names", async () => {
    const names = ['Projects/Wren', 'Work/Q1.2025', 'v1.2 notes', '报告'];
    for (const name of names) await lab.seed('bob@example.test', name, [readFixture('plain-ascii')]);
    const client = await connectImap(lab, 'bob@example.test');
    try {
      const list = await client.list();
      for (const name of names) expect(list.find((m) => m.path === name)?.delimiter, name).toBe('/');
      // Intermediate levels exist only as \Noselect parents, as on most servers.
      expect(list.find((m) => m.path === 'Projects')?.flags.has('\\Noselect')).toBe(true);
      expect(await client.status('Work/Q1.2025', { messages: true })).toMatchObject({ messages: 1 });
    } finally {
      await client.logout();
    }
  });
});

describe('lifecycle', () => {
  it('runs a second lab side by side, and stop() is idempotent and leaves nothing behind', async () => {
    const second = await startLab({ users: [{ email: 'Dave@Example.test', password: 'dave-secret' }] });
    expect(second.dir).not.toBe(lab.dir);
    expect(second.certFingerprint256).not.toBe(lab.certFingerprint256);
    expect(second.users.map((u) => u.email)).toContain('dave@example.test');
    await second.seed('dave@example.test', 'INBOX', [readFixture('plain-ascii.eml')]);
    expect(mailFiles(second.maildir('dave@example.test'))).toHaveLength(1);

    await Promise.all([second.stop(), second.stop()]);
    await second.stop();
    expect(existsSync(second.dir)).toBe(false);
    expect(processesUsing(second.configPath)).toEqual([]);
    // The first lab is unaffected.
    expect(await readGreeting({ port: lab.ports.imap })).toMatch(/^\* OK/);
  });
});

/** Message files in a Maildir (new/ and cur/). */
function mailFiles(maildir: string): string[] {
  return ['new', 'cur'].flatMap((sub) => readdirSync(path.join(maildir, sub)));
}

/** PIDs whose command line mentions the given path (e.g. a stopped lab's dovecot.conf). */
function processesUsing(file: string): number[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(file);
      } catch {
        return false;
      }
    })
    .map(Number);
}
