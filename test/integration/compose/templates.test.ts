import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComposedMessageInput } from '../../../src-main/ipc/compose-shapes';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById } from '../outbox/outbox-lab';
import { simpleMessage } from '../../lab/simple-message';
import { serverEventually, serverSourceEventually, serverSubjects } from '../../lab/server-subjects';

/** Templates (Local Folders ▸ Templates, and an account's own on its server) against the lab: kept, started from, sent over its SMTP server. */
describe('templates', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren, accountId } = await coreFor(lab, 1));
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('keeps the message whole in Local Folders ▸ Templates; a new message from it has everything, and the template stays', async () => {
    const file = await wren.core.staging.stageStream((async function* () { yield Buffer.from('weekly figures'); })());
    const template: ComposedMessageInput = {
      accountId, to: [{ name: '李四', address: lab.users[2]!.email }], bcc: [{ name: '', address: lab.users[0]!.email }],
      subject: '周报 Weekly report', text: 'This week:\n- ', requestReceipt: true, inReplyTo: '<something@x.test>', references: ['<something@x.test>'],
      attachments: [{ stagedId: file.stagedId, filename: '数据.csv', contentType: 'text/csv', size: file.size }],
    };
    const saved = await wren.call('templates.save', template);
    const folders = await wren.call('folders.list', { accountId: null });
    expect(folders.find((f) => f.id === saved.folderId)).toMatchObject({ path: 'Templates', total: 1 });

    // Started with no account named: the template's From tells which account writes it.
    const started = await wren.call('compose.start', { mode: 'editAsNew', messageId: saved.templateId });
    expect(started).toMatchObject({
      accountId, subject: '周报 Weekly report', to: [{ name: '李四', address: lab.users[2]!.email }], bcc: [{ name: '', address: lab.users[0]!.email }],
      requestReceipt: true, inReplyTo: null, references: [], draftMessageId: null,
    });
    expect(started.text).toBe('This week:\n- ');
    expect(started.attachments.map((a) => a.filename)).toEqual(['数据.csv']);

    const entry = await wren.call('outbox.send', { message: { ...started, text: 'This week: all done.' }, undoSeconds: 0 });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');
    const [delivered] = await onServerById(lab, lab.users[2]!.email, 'INBOX', sent!.messageId);
    expect(delivered!.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['数据.csv', 'weekly figures']]);
    expect((await wren.call('folders.list', { accountId: null })).find((f) => f.id === saved.folderId)!.total).toBe(1);
  }, 60_000);

  it('Edit Template opens the template itself; saving it as a template replaces it; a message that is no template is refused', async () => {
    const first = await wren.call('templates.save', { accountId, to: [{ name: '', address: lab.users[2]!.email }], subject: 'Standup notes', text: 'Yesterday:\nToday:' });
    const editing = await wren.call('compose.start', { mode: 'editTemplate', messageId: first.templateId });
    expect(editing).toMatchObject({ subject: 'Standup notes', origin: { messageId: first.templateId, kind: 'template' }, draftMessageId: null });
    const second = await wren.call('templates.save', { ...editing, subject: '站会记录 Standup notes', text: 'Yesterday:\nToday:\nBlocked by:' });
    expect(second.replaced).toBe(true);
    const templates = wren.core.store.messages.page(second.folderId, 0, 100).items.map((m) => m.subject);
    expect(templates).toContain('站会记录 Standup notes');
    expect(templates).not.toContain('Standup notes');
    // The edited one is gone: starting from it again finds nothing.
    await expect(wren.call('compose.start', { mode: 'editTemplate', messageId: first.templateId })).rejects.toMatchObject({ code: 'NotFound' });
    // A new message from the template is no edit of it: saving that as a template adds one.
    const used = await wren.call('compose.start', { mode: 'editAsNew', messageId: second.templateId });
    expect((await wren.call('templates.save', used)).replaced).toBe(false);
    await lab.seed(lab.users[1]!.email, 'INBOX', [simpleMessage(1)]);
    await wren.core.sync.run(accountId, false);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.role === 'inbox')!;
    const [stored] = wren.core.store.messages.page(inbox.id, 0, 1).items;
    await expect(wren.call('compose.start', { mode: 'editTemplate', messageId: stored!.id })).rejects.toMatchObject({ code: 'BadRequest' });
  });

  it('an account with a Templates folder on its server (Thunderbird\'s): its templates start messages, new ones and edits are filed there', async () => {
    const alice = lab.users[0]!.email;
    // A template Thunderbird filed on the server, before Wren ever saw the account.
    await lab.seed(alice, 'Templates', [[
      `From: ${alice}`, `To: ${lab.users[2]!.email}`, 'Subject: =?UTF-8?B?5pyI5bqm5oql5ZGK?= Monthly report', 'Message-ID: <tb-template@example.test>',
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', 'Figures for the month:', '',
    ].join('\r\n')], { flags: ['\\Seen'] });
    const { wren: own, accountId: ownId } = await coreFor(lab, 0);
    try {
      const serverTemplates = own.core.store.folders.list(ownId).find((f) => f.path === 'Templates')!;
      const [thunderbirds] = own.core.store.messages.page(serverTemplates.id, 0, 10).items;
      const started = await own.call('compose.start', { mode: 'editAsNew', messageId: thunderbirds!.id });
      expect(started).toMatchObject({ accountId: ownId, subject: '月度报告 Monthly report', to: [{ address: lab.users[2]!.email }], draftMessageId: null });
      expect(started.text).toContain('Figures for the month:');

      // Save as template files it beside Thunderbird's, on the server, for every computer.
      const saved = await own.call('templates.save', { accountId: ownId, to: [], subject: 'Out of office', text: 'Back on Monday.' });
      expect(saved).toMatchObject({ folderId: serverTemplates.id, inAccount: true, replaced: false });
      const replayed = () => vi.waitFor(() => expect(own.core.store.operations.countUnfinished(ownId)).toBe(0), { timeout: 20_000, interval: 50 });
      await replayed();
      expect(await serverSubjects(lab, lab.users[0]!, 'Templates')).toEqual(['Out of office', '月度报告 Monthly report']);

      // Edit Template on Thunderbird's: the new version replaces it there.
      const editing = await own.call('compose.start', { mode: 'editTemplate', messageId: thunderbirds!.id });
      const edited = await own.call('templates.save', { ...editing, text: 'Figures for the month, with the chart:' });
      expect(edited).toMatchObject({ folderId: serverTemplates.id, replaced: true, inAccount: true });
      await replayed();
      expect(await serverSubjects(lab, lab.users[0]!, 'Templates')).toEqual(['Out of office', '月度报告 Monthly report']);
      const source = await serverSourceEventually(lab, lab.users[0]!, 'Templates', '月度报告 Monthly report');
      expect(source).toContain('Figures for the month, with the chart:');
      expect(source).not.toContain('tb-template@example.test');

      // Working offline: filed in the server's folder here at once, on the server once back.
      await own.call('settings.update', { app: { workOffline: true } });
      const offline = await own.call('templates.save', { accountId: ownId, to: [], subject: 'Written offline', text: 'On the plane.' });
      expect(offline).toMatchObject({ folderId: serverTemplates.id, inAccount: true });
      expect(await serverSubjects(lab, lab.users[0]!, 'Templates')).not.toContain('Written offline');
      await own.call('settings.update', { app: { workOffline: false } });
      // This core has no background sync (the app's replays by itself once online): the next sync replays the journal.
      await own.call('sync.run', { accountId: ownId });
      await serverEventually(() => serverSubjects(lab, lab.users[0]!, 'Templates'), ['Out of office', 'Written offline', '月度报告 Monthly report']);
    } finally {
      await own.dispose();
    }
  }, 60_000);
});
