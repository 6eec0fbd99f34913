import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/app/event-bus';
import { MessageFilters } from '../../../src-main/filters/message-filters';
import type { FilterInput, MailOperation } from '../../../src-main/ipc/contract';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { addAccount, addFolder, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number, from: string, subject: string): HeaderRecord {
  return {
    uid, uidl: null, messageId: `<${uid}@t>`, inReplyTo: null, subject, from: { name: '', address: from }, to: [{ name: 'Me', address: 'me@example.test' }],
    cc: [], date: uid, internalDate: null, size: 10, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
}

/** An account with an Inbox of three messages, a Lists folder, and filters whose operations are recorded, not applied. */
function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'me');
  const inbox = addFolder(t.store, accountId, 'INBOX', 'inbox');
  const lists = addFolder(t.store, accountId, 'Lists', null);
  const ids = t.store.write(() => t.store.messages.insertHeaders(inbox, [
    header(1, 'news@lists.example.org', 'Weekly digest'),
    header(2, 'boss@example.com', '季度报告'),
    header(3, 'spam@bad.example', 'WIN NOW'),
  ]));
  const applied: MailOperation[] = [];
  const events = new EventBus();
  const filters = new MessageFilters(t.store, async (operation) => void applied.push(operation), events);
  const save = (filter: Omit<FilterInput, 'accountId'>) => filters.save({ accountId, ...filter });
  return { store: t.store, accountId, inbox, lists, ids, applied, events, filters, save };
}

describe('MessageFilters', () => {
  it('runs the enabled filters in order over a folder: flags add up, the first move or delete ends a message\'s filtering', async () => {
    const { inbox, lists, ids, applied, filters, save } = setup();
    save({ name: 'Lists', conditions: [{ field: 'from', contains: 'lists.example.org' }], actions: { moveTo: lists, markRead: true } });
    save({ name: 'Boss', conditions: [{ field: 'from', contains: 'boss@' }], actions: { flag: true, tag: '$label1' } });
    save({ name: 'Spam', conditions: [{ field: 'subject', contains: 'win' }, { field: 'from', contains: 'bad.example' }], match: 'any', actions: { delete: true } });
    save({ name: 'Never', enabled: false, conditions: [{ field: 'subject', contains: '季度' }], actions: { delete: true } });
    save({ name: 'After a move', conditions: [{ field: 'subject', contains: 'digest' }], actions: { flag: true } });
    expect(await filters.run(inbox)).toEqual({ matched: 3, moved: 2, missingFolders: [] });
    expect(applied).toEqual([
      { kind: 'flags', messageIds: [ids[0]], add: ['\\Seen'], remove: [] },
      { kind: 'flags', messageIds: [ids[1]], add: ['$label1', '\\Flagged'], remove: [] },
      { kind: 'move', messageIds: [ids[0]], folderId: lists },
      { kind: 'delete', messageIds: [ids[2]], permanent: false },
    ]);
  });

  it('"Run now" of one filter runs it even when disabled; another account\'s folder or filter is refused', async () => {
    const { store, inbox, ids, applied, filters, save } = setup();
    const spam = save({ name: 'Spam', enabled: false, conditions: [{ field: 'from', contains: 'bad.example' }], actions: { markRead: true } });
    expect(await filters.run(inbox, spam.id)).toMatchObject({ matched: 1 });
    expect(applied).toEqual([{ kind: 'flags', messageIds: [ids[2]], add: ['\\Seen'], remove: [] }]);
    const other = addAccount(store, 'other');
    const elsewhere = addFolder(store, other, 'INBOX', 'inbox');
    expect(() => filters.run(elsewhere, spam.id)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => filters.save({ accountId: other, name: 'x', conditions: [{ field: 'subject', contains: 'x' }], actions: { moveTo: inbox } })).toThrow(expect.objectContaining({ code: 'BadRequest' }));
  });

  it('a filter whose folder is gone keeps its other actions and is reported', async () => {
    const { store, inbox, lists, ids, applied, filters, save } = setup();
    const moving = save({ name: 'Lists', conditions: [{ field: 'from', contains: 'lists.example.org' }], actions: { moveTo: lists, flag: true } });
    store.db.prepare('DELETE FROM folders WHERE id = ?').run(lists);
    expect(await filters.run(inbox)).toEqual({ matched: 1, moved: 0, missingFolders: [moving.id] });
    expect(applied).toEqual([{ kind: 'flags', messageIds: [ids[0]], add: ['\\Flagged'], remove: [] }]);
  });

  it('runs on new mail in an Inbox (the core\'s mail.new), not on mail.new of another folder', async () => {
    const { accountId, inbox, lists, ids, applied, events, save } = setup();
    save({ name: 'Spam', conditions: [{ field: 'from', contains: 'bad.example' }], actions: { delete: true } });
    events.emit('mail.new', { accountId, folderId: lists, ids: [ids[2]!], messages: [] });
    events.emit('mail.new', { accountId, folderId: inbox, ids: [ids[2]!], messages: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(applied).toEqual([{ kind: 'delete', messageIds: [ids[2]], permanent: false }]);
  });

  it('saves, edits in place, lists in order and removes; refuses a filter without an action or that both moves and deletes', () => {
    const { accountId, lists, filters, save } = setup();
    const first = save({ name: 'One', conditions: [{ field: 'subject', contains: 'a' }], actions: { flag: true } });
    const second = save({ name: 'Two', conditions: [{ field: 'subject', contains: 'b' }], actions: { markRead: true } });
    save({ id: first.id, name: 'One, renamed', match: 'any', conditions: [{ field: 'from', contains: 'c' }], actions: { moveTo: lists } });
    expect(filters.list(accountId).map((f) => [f.name, f.position, f.match])).toEqual([['One, renamed', 1, 'any'], ['Two', 2, 'all']]);
    expect(filters.remove(second.id)).toEqual({ removed: true });
    expect(() => filters.remove(second.id)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => save({ name: 'x', conditions: [{ field: 'subject', contains: 'x' }], actions: {} })).toThrow(/at least one action/);
    expect(() => save({ name: 'x', conditions: [{ field: 'subject', contains: 'x' }], actions: { delete: true, moveTo: lists } })).toThrow(/moves or deletes/);
  });

  it('an account removed takes its filters with it (migration 0028\'s foreign key)', () => {
    const { store, accountId, filters, save } = setup();
    save({ name: 'One', conditions: [{ field: 'subject', contains: 'a' }], actions: { flag: true } });
    store.write(() => store.accounts.remove(accountId));
    expect(filters.list(accountId)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM message_filters').pluck().get()).toBe(0);
  });
});
