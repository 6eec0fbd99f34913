import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { deepMultipart } from '../../lab/deep-multipart';
import { rawNameMessage } from '../../lab/raw-name-message';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { chooseDisplayParts, toAttachmentView } from '../../../src-main/mime/choose-display-parts';
import { MAX_MIME_NESTING } from '../../../src-main/mime/nesting-cap';
import { parseSource } from '../../../src-main/mime/parse-source';
import { codedWarning } from '../../../src-main/errors/warning-codes';
import { subjectsFound } from '../search/search-lab';
import { labDraft, startCore, type TestCore } from './lab-core';

const RAW_NAMES = [
  { subject: 'GBK name', name: '2024年度财务报告.pdf', charset: 'gbk', single: false },
  { subject: 'Big5 name', name: '會議紀錄.pdf', charset: 'big5', single: false },
  { subject: 'Shift_JIS name', name: '見積書.pdf', charset: 'shift_jis', single: false },
  { subject: 'GBK single part', name: '报告.pdf', charset: 'gbk', single: true },
] as const;

const DEEP = 'Nested 3000 deep';
const CACHED_BEFORE = { subject: 'Synced before the fix', name: '旧报告.pdf' };

describe('odd MIME from Dovecot: raw 8-bit file names and 3,000 nested multiparts', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  let items: MessageSummary[];
  const bySubject = (subject: string) => items.find((m) => m.subject === subject)!;
  /** The attachment list the reader shows from the stored structure, as the header sync left it (before any body is fetched). */
  const listedAfterHeaderSync = (id: number) => {
    const record = wren.core.store.messages.get(id)!;
    return record.structure ? chooseDisplayParts(record.structure).attachments.map(toAttachmentView) : null;
  };

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'Odd', [...RAW_NAMES.map((m) => rawNameMessage(m.subject, m.name, m.charset, m.single)), deepMultipart(3000, DEEP),
      rawNameMessage(CACHED_BEFORE.subject, CACHED_BEFORE.name, 'gbk')]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, alice))).id;
    const synced = await wren.core.sync.run(accountId, false);
    expect(synced.folderErrors ?? []).toEqual([]);
    expect(synced.newMessages).toBe(RAW_NAMES.length + 2);
    const folder = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'Odd')!;
    items = (await wren.call('messages.list', { folderId: folder.id, limit: 100 })).items;
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it.each(RAW_NAMES)('$subject: the header sync lists the attachment as "$name", with no body fetched', ({ subject, name }) => {
    const summary = bySubject(subject);
    expect(summary.hasAttachments).toBe(true);
    expect(wren.core.store.bodies.body(summary.id)).toBeUndefined();
    expect(listedAfterHeaderSync(summary.id)?.map((a) => a.filename)).toEqual([name]);
  });

  it.each(RAW_NAMES)('$subject: opened, and parsed from its full source, it is still "$name"', async ({ subject, name }) => {
    const view = await wren.call('messages.read', { messageId: bySubject(subject).id });
    expect(view.attachments.map((a) => a.filename)).toEqual([name]);
    const source = await wren.core.reader.cachedSource(bySubject(subject).id);
    const parsed = await parseSource(wren.core.store.blobs.read(source.blob));
    expect(parsed.attachments.map((a) => a.filename)).toEqual([name]);
  });

  it('3,000 nested multiparts: listed by the header sync (its BODYSTRUCTURE too deep to keep), then opened from its source', async () => {
    const summary = bySubject(DEEP);
    expect(summary.from.address).toBe('fuzz@example.test');
    expect(wren.core.store.messages.get(summary.id)!.structure).toBeNull();
    const view = await wren.call('messages.read', { messageId: summary.id });
    expect(view.text).toBe('outer text');
    expect(view.warnings).toContain(codedWarning('NestingTooDeep'));
    const names = view.attachments.map((a) => a.filename);
    expect(names).toHaveLength(MAX_MIME_NESTING + 1);
    expect(names).toContain('level-0.pdf');
    expect(names).toContain(`level-${MAX_MIME_NESTING - 1}.pdf`);
    expect(names).not.toContain(`level-${MAX_MIME_NESTING}.pdf`);
    expect(view.attachments.filter((a) => a.contentType === 'application/octet-stream')).toHaveLength(1);
    // Opened again, from the cache: the same list, from the structure the parse left.
    const again = await wren.call('messages.read', { messageId: summary.id });
    expect(again.attachments.map((a) => a.filename)).toEqual(names);
    // The list's attachment mark follows the structure the parse gave (the header sync had none to tell).
    expect(summary.hasAttachments).toBe(false);
    const folder = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'Odd')!;
    const listed = (await wren.call('messages.list', { folderId: folder.id, limit: 100 })).items.find((m) => m.id === summary.id);
    expect(listed?.hasAttachments).toBe(true);
  });

  it('a message cached with U+FFFD in its file name (synced before this fix) has the name read again when opened', async () => {
    const { id } = bySubject(CACHED_BEFORE.subject);
    const garbled = structuredClone(wren.core.store.messages.get(id)!.structure!);
    garbled.children![1]!.filename = '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD.pdf'; // what imapflow made of the GBK bytes
    wren.core.store.messages.setStructure(id, garbled, true);
    const view = await wren.call('messages.read', { messageId: id });
    expect(view.attachments.map((a) => a.filename)).toEqual([CACHED_BEFORE.name]);
    expect(listedAfterHeaderSync(id)?.map((a) => a.filename)).toEqual([CACHED_BEFORE.name]);
  });

  it('a sync with bodies downloads and indexes everything, the deep message included', async () => {
    const synced = await wren.call('sync.run', { accountId, bodies: true });
    expect(synced.failures).toEqual([]);
    // Searched again until nothing is left to index: a search indexes for at most a second, then answers as the index stands.
    expect(await subjectsFound(wren, '财务报告')).toEqual(['GBK name']);
    expect(await subjectsFound(wren, 'outer text')).toEqual([DEEP]);
  });
});
