import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { FIXTURES, readFixture, type FixtureName } from '../../lab/fixtures';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { labDraft, startCore, type TestCore } from './lab-core';

const names = Object.keys(FIXTURES) as FixtureName[];
const wellFormed = names.filter((name) => !FIXTURES[name].malformed);
const malformed = names.filter((name) => FIXTURES[name].malformed);
const normalize = (text: string | null) => (text ?? '').replace(/\r\n/g, '\n');

describe('every fixture, synced from Dovecot and opened part by part', () => {
  let lab: Lab;
  let wren: TestCore;
  let items: MessageSummary[];

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'Fixtures', names.map((name) => readFixture(name)));
    wren = startCore();
    const accountId = (await wren.call('accounts.add', labDraft(lab, alice))).id;
    await wren.core.sync.run(accountId, false);
    const folder = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'Fixtures')!;
    items = (await wren.call('messages.list', { folderId: folder.id, limit: 100 })).items;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('lists every message, malformed ones included', () => {
    expect(items).toHaveLength(names.length);
  });

  it.each(wellFormed)('%s: subject, sender, text and attachment names decode exactly', async (name) => {
    const expected = FIXTURES[name];
    const summary = items.find((m) => m.subject === expected.subject);
    expect(summary, `no message listed with subject ${expected.subject}`).toBeDefined();
    expect(summary!.from).toEqual({ name: expected.fromName, address: expected.fromAddress });
    const view = await wren.call('messages.read', { messageId: summary!.id });
    expect(normalize(view.text).trim()).toBe(expected.text.trim());
    expect(view.attachments.filter((a) => !a.inline).map((a) => a.filename)).toEqual(
      expected.attachments.filter((a) => a.disposition === 'attachment').map((a) => a.filename),
    );
    expect(summary!.hasAttachments).toBe(expected.attachments.some((a) => a.disposition === 'attachment'));
  });

  it.each(malformed)('%s: opens without error, shows what is readable, and has its raw source', async (name) => {
    const expected = FIXTURES[name];
    const summary = items.find((m) => m.subject === expected.subject);
    expect(summary, `no message listed with subject ${expected.subject}; listed: ${items.map((m) => m.subject).join(' | ')}`).toBeDefined();
    const view = await wren.call('messages.read', { messageId: summary!.id });
    const firstLine = expected.text.split('\n')[0]!;
    expect(normalize(view.text)).toContain(firstLine);
    const source = await wren.call('messages.source', { messageId: summary!.id });
    expect(source.size).toBeGreaterThan(0);
    expect(source.source).toMatch(/^(Return-Path|From|Subject|To|Date|Message-ID|MIME-Version|Content-Type):/im);
  });

  it('a message with no Date header still sorts, by its arrival time', () => {
    const noDate = items.find((m) => m.subject === FIXTURES['no-date.eml'].subject)!;
    expect(noDate.date).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });

  it('opens a second time from the cache, with no server at all', async () => {
    const gbk = items.find((m) => m.subject === FIXTURES['gbk-subject-body.eml'].subject)!;
    await lab.stop();
    const view = await wren.call('messages.read', { messageId: gbk.id });
    expect(normalize(view.text)).toContain('地点在三楼会议室');
  });
});
