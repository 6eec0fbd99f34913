import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { conversationMessage } from '../../lab/conversation-messages';
import { startCore, type TestCore } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';
import { journalLab } from '../journal/journal-lab';

/**
 * Deleting a folder a filter files mail into turns the filter off (Thunderbird's "filters will be disabled"), kept
 * for the user to point elsewhere; a filter whose folder is gone does nothing at all, never half (read, not moved).
 */
describe('a filter\'s folder deleted, against Dovecot (POP3 into Local Folders, QA\'s case)', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    wren = startCore();
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('is named by the delete, turned off by it, and new mail then stays in the Inbox unread, through Empty Trash', async () => {
    const alice = lab.users[0]!;
    const { id: accountId } = await wren.call('accounts.add', pop3Draft(lab, alice));
    await wren.core.sync.run(accountId, false);
    const work = await wren.call('folders.create', { accountId: null, parentId: null, name: '工作资料' });
    const own = await wren.call('folders.create', { accountId: null, parentId: work.id, name: '私人' });
    const filter = await wren.call('filters.save', {
      accountId, name: '合同归档', conditions: [{ field: 'subject', text: '合同' }], actions: { moveTo: own.id, markRead: true },
    });
    const inbox = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'inbox')!;
    let sent = 0;
    const deliver = async () => {
      sent += 1;
      await lab.seed(alice.email, 'INBOX', [
        conversationMessage({ id: `c${sent}`, from: 'Liu <liu@example.test>', to: alice.email, subject: `合同审批 ${sent}`, date: 'Tue, 1 Dec 2026 08:01:00 +0000', body: '...' }),
      ]);
      await wren.core.sync.run(accountId, false);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const inInbox = () => wren.core.store.messages.page(inbox.id, 0, 10).items.filter((m) => m.subject.startsWith('合同')).map((m) => [m.subject, m.seen]).sort();
    const saved = async () => (await wren.call('filters.list', { accountId }))[0]!;

    // The subfolder's filter is named when its parent is deleted.
    expect((await wren.call('folders.deletePlan', { folderId: work.id })).filters).toEqual([{ id: filter.id, accountId, name: '合同归档' }]);
    expect(await wren.call('folders.delete', { folderId: work.id })).toEqual({ movedTo: 'Trash/工作资料', name: '工作资料' });
    expect(await saved()).toMatchObject({ id: filter.id, enabled: false, actions: { moveTo: own.id, markRead: true } });
    await deliver();
    expect(wren.core.store.messages.page(own.id, 0, 10).items).toEqual([]);
    expect(inInbox()).toEqual([['合同审批 1', false]]);

    const trash = (await wren.call('folders.list', { accountId: null })).find((folder) => folder.role === 'trash')!;
    expect((await wren.call('folders.emptyPlan', { folderId: trash.id })).filters, 'turned off by the delete already').toEqual([]);
    await wren.call('folders.empty', { folderId: trash.id });
    expect(wren.core.store.folders.get(own.id)).toBeUndefined();
    expect(await saved()).toMatchObject({ id: filter.id, enabled: false });
    await deliver();
    expect(inInbox()).toEqual([['合同审批 1', false], ['合同审批 2', false]]);

    // A filter left on with its folder gone (deleted before deletes turned filters off) does nothing, and is turned off.
    const told: unknown[] = [];
    wren.core.events.on('filters.turnedOff', (event) => told.push(event));
    wren.core.store.filters.setEnabled([filter.id], true);
    await deliver();
    expect(inInbox()).toEqual([['合同审批 1', false], ['合同审批 2', false], ['合同审批 3', false]]);
    expect(await saved()).toMatchObject({ enabled: false });
    // Said to the window, since no one asked for this run.
    expect(told).toEqual([{ accountId, filters: [{ id: filter.id, name: '合同归档' }] }]);
    expect(await wren.call('filters.run', { folderId: inbox.id, filterId: filter.id })).toMatchObject({ matched: 0, moved: 0, missingFolders: [filter.id] });
    expect(inInbox().every(([, seen]) => seen === false)).toBe(true);
    // Pointed elsewhere, it may be turned on again.
    const kept = await wren.call('folders.create', { accountId: null, parentId: null, name: '合同' });
    const { position: _position, ...input } = filter;
    expect(await wren.call('filters.save', { ...input, enabled: true, actions: { ...filter.actions, moveTo: kept.id } })).toMatchObject({ enabled: true });

    // A folder of the POP3 account itself, deleted into the account's Trash (kept here), turns its filter off the same way.
    const receipts = await wren.call('folders.create', { accountId, parentId: null, name: 'Receipts' });
    const filing = await wren.call('filters.save', { accountId, name: 'Receipts', conditions: [{ field: 'subject', text: 'receipt' }], actions: { moveTo: receipts.id } });
    expect((await wren.call('folders.deletePlan', { folderId: receipts.id })).filters).toEqual([{ id: filing.id, accountId, name: 'Receipts' }]);
    await wren.call('folders.delete', { folderId: receipts.id });
    expect((await wren.call('filters.list', { accountId })).map((each) => [each.name, each.enabled])).toEqual([['合同归档', true], ['Receipts', false]]);

    // Dragged into Trash rather than deleted: the same (the filter into Local Folders › 合同 goes off).
    await wren.call('folders.move', { folderId: kept.id, parentId: trash.id });
    expect((await wren.call('filters.list', { accountId })).map((each) => [each.name, each.enabled])).toEqual([['合同归档', false], ['Receipts', false]]);
  });
});

describe('a filter\'s folder of an IMAP account deleted, against Dovecot', () => {
  const f = journalLab();

  it('into Trash turns off the filters copying into it or a subfolder; Empty Trash turns off one filing into a folder in Trash', async () => {
    await f.seed('Projects', 1);
    await f.seed('Projects/2026', 1);
    await f.seed('Trash/Old', 1);
    const [projects, year, old] = [f.folderId('Projects'), f.folderId('Projects/2026'), f.folderId('Trash/Old')];
    const save = (name: string, actions: { copyTo?: number; moveTo?: number; flag?: boolean }) =>
      f.wren.call('filters.save', { accountId: f.accountId, name, conditions: [{ field: 'subject', text: 'nothing matches this' }], actions });
    const copying = await save('Copy to 2026', { copyTo: year, flag: true });
    const elsewhere = await save('Elsewhere', { flag: true });
    const intoOld = await save('Into old', { moveTo: old });
    const enabled = async () => Object.fromEntries((await f.wren.call('filters.list', { accountId: f.accountId })).map((each) => [each.name, each.enabled]));

    expect((await f.wren.call('folders.deletePlan', { folderId: projects })).filters).toEqual([{ id: copying.id, accountId: f.accountId, name: 'Copy to 2026' }]);
    await f.wren.call('folders.delete', { folderId: projects, subfolders: ['Projects/2026'] });
    expect(await enabled()).toEqual({ 'Copy to 2026': false, Elsewhere: true, 'Into old': true });
    expect(elsewhere.enabled).toBe(true);

    // Dragged into Trash rather than deleted: the same.
    await f.seed('Lists', 1);
    const lists = await save('Lists', { moveTo: f.folderId('Lists') });
    await f.wren.call('folders.move', { folderId: f.folderId('Lists'), parentId: f.folderId('Trash') });
    expect((await enabled())[lists.name]).toBe(false);

    await f.settled();
    // Empty Trash's confirmation names the filter into the folder in Trash that is still on (Lists' is off already).
    expect(await f.wren.call('folders.emptyPlan', { folderId: f.folderId('Trash') })).toEqual({ filters: [{ id: intoOld.id, accountId: f.accountId, name: 'Into old' }] });
    await f.wren.call('folders.empty', { folderId: f.folderId('Trash') });
    expect(await f.wren.call('folders.emptyPlan', { folderId: f.folderId('Trash') })).toEqual({ filters: [] });
    expect(await enabled()).toEqual({ 'Copy to 2026': false, Elsewhere: true, 'Into old': false, Lists: false });
    expect((await f.wren.call('filters.list', { accountId: f.accountId })).find((each) => each.id === intoOld.id)?.actions.moveTo).toBe(old);
    await f.settled();
    expect(f.failed).toEqual([]);
  });
});
