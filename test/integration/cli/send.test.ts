import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../../../src-main/ipc/compose-shapes';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { seededRandom, runKilled } from '../kill-loop';
import { onServerById } from '../outbox/outbox-lab';
import { runWren } from './run-wren';
import { invitationMessage } from '../../lab/invitation-message';


describe('wren send and wren outbox against the lab', () => {
  let lab: Lab;
  let dir: string;
  const alice = () => lab.users[0]!;
  const bob = () => lab.users[1]!;

  const wren = (args: string[], input?: string) => runWren(dir, alice().password, args, input);

  async function inboxCount(user: string, header: 'Message-ID' | 'Subject', value: string): Promise<number> {
    const client = await connectImap(lab, user);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      return ((await client.search({ header: { [header]: value } }, { uid: true })) || []).length;
    } finally {
      await client.logout();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-send-'));
    lab = await startLab();
    const added = await wren(['account', 'add', '--name', 'Alice', '--email', alice().email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--smtp-host', lab.host, '--smtp-port', String(lab.ports.smtps), '--smtp-security', 'tls', '--trust-fingerprint', lab.certFingerprint256]);
    expect(added.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends at once over implicit TLS with an attachment, and files the Sent copy before returning', async () => {
    const body = join(dir, 'body.txt');
    writeFileSync(body, '你好，Bob\n.a dot line\n');
    const attachment = join(dir, '季度报告.csv');
    writeFileSync(attachment, 'a,b\n1,2\n');
    const result = await wren(['send', '--account', 'Alice', '--to', `Bob <${bob().email}>`, '--subject', 'CLI 发送', '--body-file', body, '--attach', attachment, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const entry = JSON.parse(result.stdout) as OutboxEntryView;
    expect(entry.state).toBe('sent');
    const [delivered] = await onServerById(lab, bob().email, 'INBOX', entry.messageId);
    expect(delivered!.parsed.subject).toBe('CLI 发送');
    expect(delivered!.parsed.text).toBe('你好，Bob\n.a dot line\n');
    expect(delivered!.parsed.attachments[0]!.filename).toBe('季度报告.csv');
    expect(await onServerById(lab, alice().email, 'Sent', entry.messageId)).toHaveLength(1);
  }, 60_000);

  it('--receipt asks the recipient for a return receipt at the sender\'s address', async () => {
    const result = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'Receipt please', '--body-stdin', '--receipt', '--json'], 'Tell me you saw it.\n');
    expect(result.code, result.stderr).toBe(0);
    const [delivered] = await onServerById(lab, bob().email, 'INBOX', (JSON.parse(result.stdout) as OutboxEntryView).messageId);
    expect(delivered!.parsed.headers.get('disposition-notification-to')).toMatchObject({ value: [{ address: alice().email }] });
  }, 60_000);

  it('--priority highest writes X-Priority and Importance; a wrong value is refused before anything is sent', async () => {
    const result = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'Urgent: the build', '--body-stdin', '--priority', 'highest', '--json'], 'Now.\n');
    expect(result.code, result.stderr).toBe(0);
    const [delivered] = await onServerById(lab, bob().email, 'INBOX', (JSON.parse(result.stdout) as OutboxEntryView).messageId);
    const source = delivered!.source.toString();
    expect(source).toMatch(/^X-Priority: 1 \(Highest\)\r$/m);
    expect(source).toMatch(/^Importance: High\r$/m);
    const wrong = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'x', '--body-stdin', '--priority', 'urgent'], 'x\n');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--priority takes highest, high, normal, low, lowest, not "urgent"');
  }, 60_000);

  it('wren redirect sends a stored message on to another address as it is, and returns once the server took it', async () => {
    await lab.seed(alice().email, 'INBOX', [`From: carol@example.test\r\nTo: ${alice().email}\r\nSubject: Pass it on\r\nMessage-ID: <pass-on@example.test>\r\n\r\nFor Bob.\r\n`]);
    expect((await wren(['sync', 'Alice'])).code).toBe(0);
    const listed = JSON.parse((await wren(['list', 'Alice', 'INBOX', '--json'])).stdout) as { id: number; subject: string }[];
    const id = listed.find((m) => m.subject === 'Pass it on')!.id;
    const result = await wren(['redirect', String(id), '--to', `Bob <${bob().email}>`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Sent <[^>]+> to ${bob().email}\n$`));
    const [delivered] = await onServerById(lab, bob().email, 'INBOX', '<pass-on@example.test>');
    // Added with --name only (a label): from her bare address.
    expect(delivered!.source.toString()).toMatch(new RegExp(`^Resent-From: ${alice().email}\r\nResent-To: "Bob" <${bob().email}>\r\n`, 'm'));
    expect(delivered!.parsed.from!.value[0]!.address).toBe('carol@example.test');
    expect((await wren(['redirect', String(id)])).code).toBe(2);
  }, 60_000);

  it('wren invitation prints the event a message carries, and --accept answers its organizer', async () => {
    await lab.seed(alice().email, 'INBOX', [invitationMessage({ organizer: bob().email, attendees: [alice().email], to: alice().email, summary: 'Standup', messageId: '<standup@example.test>', recurring: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270630T155959Z' })]);
    expect((await wren(['sync', 'Alice'])).code).toBe(0);
    const listed = JSON.parse((await wren(['list', 'Alice', 'INBOX', '--json'])).stdout) as { id: number; subject: string }[];
    const id = String(listed.find((m) => m.subject === 'Standup')!.id);
    const shown = await wren(['invitation', id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toBe([
      'Invitation: Standup', 'When: 2026-12-08T06:00:00.000Z to 2026-12-08T07:00:00.000Z',
      'Repeats: every 2 weeks on Mon, Wed; until 2027-06-30T15:59:59.000Z', 'Where: 3号会议室', `Organizer: ${bob().email}`,
      `Attendee: ${alice().email} (needs-action)`, 'Answer with --accept, --tentative or --decline.', '',
    ].join('\n'));
    const answered = await wren(['invitation', id, '--accept', '--json']);
    expect(answered.code, answered.stderr).toBe(0);
    const entry = JSON.parse(answered.stdout) as OutboxEntryView;
    expect(entry).toMatchObject({ state: 'sent', subject: 'Accepted: Standup', to: [bob().email] });
    expect(await inboxCount(bob().email, 'Subject', 'Accepted: Standup')).toBe(1);
  }, 60_000);

  it('--raw takes recipients from the headers like sendmail -t, and strips Bcc', async () => {
    const eml = `From: ${alice().email}\nTo: ${bob().email}\nBcc: ${lab.users[2]!.email}\nSubject: Raw one\nMessage-ID: <raw-1@example.test>\n\nraw body\n`;
    const result = await wren(['send', '--account', alice().email, '--raw'], eml);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Sent <raw-1@example.test>');
    expect(await inboxCount(bob().email, 'Message-ID', '<raw-1@example.test>')).toBe(1);
    const [carolCopy] = await onServerById(lab, lab.users[2]!.email, 'INBOX', '<raw-1@example.test>');
    expect(carolCopy!.source.toString('latin1')).not.toMatch(/^bcc:/im);
    const [sentCopy] = await onServerById(lab, alice().email, 'Sent', '<raw-1@example.test>');
    expect(sentCopy!.source.toString('latin1')).not.toMatch(/^bcc:/im);
  }, 60_000);

  it('--at holds the message (exit 0, said so); outbox list shows it; cancel takes it back', async () => {
    const at = new Date(Date.now() + 3600_000).toISOString();
    const held = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'Later', '--body-stdin', '--at', at], 'later\n');
    expect(held.code).toBe(0);
    expect(held.stdout).toContain(`Held until ${at}`);
    const listed = JSON.parse((await wren(['outbox', 'list', '--json'])).stdout) as OutboxEntryView[];
    const entry = listed.find((e) => e.state === 'waiting')!;
    expect(entry).toMatchObject({ subject: 'Later', sendAt: Date.parse(at) });
    expect((await wren(['outbox', 'cancel', String(entry.id)])).code).toBe(0);
    expect((JSON.parse((await wren(['outbox', 'list', '--json'])).stdout) as OutboxEntryView[]).some((e) => e.id === entry.id)).toBe(false);
  }, 60_000);

  it('outbox send-now: a message held an hour leaves now (exit 0, said so) and arrives once', async () => {
    const at = new Date(Date.now() + 3600_000).toISOString();
    const held = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'Early', '--body-stdin', '--at', at, '--json'], 'early\n');
    expect(held.code).toBe(0);
    const entry = JSON.parse(held.stdout) as OutboxEntryView;
    expect(entry.state).toBe('waiting');
    const now = await wren(['outbox', 'send-now', String(entry.id)]);
    expect(now).toMatchObject({ code: 0, stderr: '' });
    expect(now.stdout).toContain(`Sent ${entry.messageId}`);
    expect(await inboxCount(bob().email, 'Message-ID', entry.messageId)).toBe(1);
    // Sent: a second one is refused as a request not valid now (BadRequest, exit 2), the reason on stderr.
    const again = await wren(['outbox', 'send-now', String(entry.id)]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('only a waiting or queued message');
  }, 60_000);

  it('kill -9 at random points while sending, 20 times: every queued message arrives exactly once', async () => {
    const random = seededRandom(20261202);
    const body = join(dir, 'kill-body.txt');
    // Large enough that DATA takes a while, so kills land before, during and after it.
    writeFileSync(body, Array.from({ length: 20_000 }, (_, i) => `line ${i} of the kill test body`).join('\n'));
    const started = Date.now();
    const calibrate = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'Kill calibrate', '--body-file', body]);
    expect(calibrate.code).toBe(0);
    const typical = Date.now() - started;

    for (let i = 0; i < 20; i += 1) {
      // Half anywhere in the run, half in its last part, where the message is being sent and filed.
      const at = i % 2 === 0 ? random() * typical * 1.2 : typical * (0.6 + random() * 0.45);
      await runKilled({
        args: ['--data-dir', join(dir, 'data'), 'send', '--account', 'Alice', '--to', bob().email, '--subject', `Kill-${i}-end`, '--body-file', body],
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') },
        delayMs: Math.floor(at),
        clock: { from: 'spawn' },
      });
    }

    // The clean run: recovers what the killed ones left, sends what was queued.
    await wren(['outbox', 'flush']);
    let entries = JSON.parse((await wren(['outbox', 'list', '--json'])).stdout) as OutboxEntryView[];
    // Where Wren could not know, the user decides; here the lab can tell (the recipient's mailbox).
    for (const entry of entries.filter((e) => e.state === 'unknown')) {
      const arrived = (await inboxCount(bob().email, 'Message-ID', entry.messageId)) > 0;
      expect((await wren(['outbox', 'resolve', String(entry.id), arrived ? '--discard' : '--send-anyway'])).code).toBe(0);
    }
    entries = JSON.parse((await wren(['outbox', 'list', '--json'])).stdout) as OutboxEntryView[];
    const kills = entries.filter((e) => /^Kill-\d+-end$/.test(e.subject));
    expect(kills.every((e) => e.state === 'sent')).toBe(true);
    for (const entry of kills) expect(await inboxCount(bob().email, 'Message-ID', entry.messageId), entry.subject).toBe(1);
    // A message never queued (killed before it was stored) never went either: no subject arrived twice.
    for (let i = 0; i < 20; i += 1) expect(await inboxCount(bob().email, 'Subject', `Kill-${i}-end`)).toBeLessThanOrEqual(1);
    console.log(`kill test: ${kills.length} of 20 queued before the kill; states after the clean run and the decisions:`, entries.map((e) => e.state).join(' '));
  }, 900_000);

  it('runs the filters that run after sending on the Sent copy, and sends their changes, before returning', async () => {
    const added = await wren(['filter', 'add', 'Alice', '--name', 'Star what goes to Bob', '--to', bob().email, '--flag', '--when', 'after-sending']);
    expect(added.code, added.stderr).toBe(0);
    const result = await wren(['send', '--account', 'Alice', '--to', bob().email, '--subject', 'Filtered after sending', '--body-stdin', '--json'], 'x\n');
    expect(result.code, result.stderr).toBe(0);
    const sent = JSON.parse(result.stdout) as OutboxEntryView;
    // As the command returns, another client sees the Sent copy starred: no later sync needed.
    const client = await connectImap(lab, alice().email);
    try {
      await client.mailboxOpen('Sent', { readOnly: true });
      expect((await client.search({ header: { 'Message-ID': sent.messageId }, flagged: true }, { uid: true })) || []).toHaveLength(1);
    } finally {
      await client.logout();
    }
  }, 60_000);
});
