import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageFilters } from '../../../src-main/filters/message-filters';
import type { FilterInput, MailOperation } from '../../../src-main/ipc/contract';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { addAccount, addFolder, headerRecord, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number, from: string, subject: string): HeaderRecord {
  return headerRecord({ uid, messageId: `<${uid}@t>`, subject, from: { name: '', address: from }, to: [{ name: 'Me', address: 'me@example.test' }], date: uid, size: 10 });
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
  const filters = new MessageFilters(t.store, async (operation) => void applied.push(operation));
  const save = (filter: Omit<FilterInput, 'accountId'>) => filters.save({ accountId, ...filter });
  return { store: t.store, accountId, inbox, lists, ids, applied, filters, save };
}

describe('MessageFilters', () => {
  it('runs the enabled filters in order over a folder: flags add up, the first move or delete ends a message\'s filtering', async () => {
    const { store, accountId, inbox, lists, ids, applied, filters, save } = setup();
    save({ name: 'Lists', conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { moveTo: lists, markRead: true } });
    save({ name: 'Boss', conditions: [{ field: 'from', operator: 'contains', text: 'boss@' }], actions: { flag: true, tag: '$label1' } });
    save({ name: 'Spam', conditions: [{ field: 'subject', operator: 'contains', text: 'win' }, { field: 'from', operator: 'contains', text: 'bad.example' }], match: 'any', actions: { delete: true } });
    save({ name: 'Never', enabled: false, conditions: [{ field: 'subject', operator: 'contains', text: '季度' }], actions: { delete: true } });
    save({ name: 'After a move', conditions: [{ field: 'subject', operator: 'contains', text: 'digest' }], actions: { flag: true } });
    expect(await filters.run(inbox)).toEqual({ matched: 3, moved: 2, copied: 0, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [], unreadable: 0 });
    // The Filter Log says it, a line per filter and message, newest first.
    expect(store.filterLog.list(accountId, 10).map((entry) => [entry.filterName, entry.subject, entry.did]).reverse()).toEqual([
      ['Lists', 'Weekly digest', [{ kind: 'markRead' }, { kind: 'move', folder: 'Lists' }]],
      ['Boss', '季度报告', [{ kind: 'flag' }, { kind: 'tag', tag: '$label1' }]],
      ['Spam', 'WIN NOW', [{ kind: 'delete' }]],
    ]);
    expect(applied).toEqual([
      { kind: 'flags', messageIds: [ids[0]], add: ['\\Seen'], remove: [] },
      { kind: 'flags', messageIds: [ids[1]], add: ['$label1', '\\Flagged'], remove: [] },
      { kind: 'move', messageIds: [ids[0]], folderId: lists },
      { kind: 'delete', messageIds: [ids[2]], permanent: false },
    ]);
  });

  it('copies before it moves: each filter\'s copy is made, flags first, then the copies, then the move; a copy into the folder it is in is none', async () => {
    const { store, accountId, inbox, lists, ids, applied, filters, save } = setup();
    const kept = addFolder(store, null, 'Kept', null);
    const boss = addFolder(store, accountId, 'Boss', null);
    save({ name: 'Keep lists', conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { copyTo: kept, markRead: true } });
    save({ name: 'Lists', conditions: [{ field: 'subject', operator: 'contains', text: 'digest' }], actions: { copyTo: boss, moveTo: lists } });
    save({ name: 'Boss', conditions: [{ field: 'from', operator: 'contains', text: 'boss@' }], actions: { copyTo: inbox, flag: true } });
    expect(await filters.run(inbox)).toEqual({ matched: 2, moved: 1, copied: 2, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [], unreadable: 0 });
    expect(applied).toEqual([
      { kind: 'flags', messageIds: [ids[0]], add: ['\\Seen'], remove: [] },
      { kind: 'flags', messageIds: [ids[1]], add: ['\\Flagged'], remove: [] },
      { kind: 'copy', messageIds: [ids[0]], folderId: kept },
      { kind: 'copy', messageIds: [ids[0]], folderId: boss },
      { kind: 'move', messageIds: [ids[0]], folderId: lists },
    ]);
    const other = addFolder(store, addAccount(store, 'other'), 'INBOX', 'inbox');
    expect(() => save({ name: 'x', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: { copyTo: other } })).toThrow(/moves or copies/);
  });

  it('redirects and forwards first, while the message is still where it arrived, once per address; a failed or skipped one leaves the rest done', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'me');
    const inbox = addFolder(t.store, accountId, 'INBOX', 'inbox');
    const lists = addFolder(t.store, accountId, 'Lists', null);
    const ids = t.store.write(() => t.store.messages.insertHeaders(inbox, [header(1, 'boss@example.com', 'Urgent'), header(2, 'boss@example.com', 'Loop'), header(3, 'x@y', 'Other')]));
    const log: string[] = [];
    const where = (messageId: number) => `from folder ${t.store.messages.get(messageId)!.folderId}`;
    const sendOn = {
      redirect: async (messageId: number, to: string) => {
        log.push(`redirect ${messageId} to ${to} ${where(messageId)}`);
        if (messageId === ids[1]) return 'skipped' as const;
        if (to === 'broken@example.com') throw new Error('no SMTP server');
        return 'sent' as const;
      },
      forward: async (messageId: number, to: string, as: string) => {
        log.push(`forward ${messageId} to ${to} as ${as} ${where(messageId)}`);
        if (messageId === ids[2]) throw new Error('source unreadable');
        return 'sent' as const;
      },
      reply: async () => 'sent' as const,
    };
    const filters = new MessageFilters(t.store, async (operation) => void log.push(operation.kind), sendOn);
    filters.save({ accountId, name: 'Redirect', conditions: [{ field: 'from', operator: 'contains', text: 'boss@' }], actions: { redirectTo: 'Phone@Example.com', moveTo: lists } });
    filters.save({ accountId, name: 'Twice', conditions: [{ field: 'subject', operator: 'is', text: 'urgent' }], actions: { redirectTo: 'phone@example.com' } });
    filters.save({ accountId, name: 'Broken', conditions: [{ field: 'subject', operator: 'is', text: 'other' }], actions: { redirectTo: 'broken@example.com' } });
    filters.save({ accountId, name: 'Forward', conditions: [{ field: 'subject', operator: 'is', text: 'urgent' }], actions: { forwardTo: 'assistant@example.com', forwardAs: 'attachment' } });
    filters.save({ accountId, name: 'Forward too', conditions: [{ field: 'subject', operator: 'is', text: 'other' }], actions: { forwardTo: 'assistant@example.com' } });
    const log0 = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await filters.run(inbox)).toMatchObject({ matched: 3, moved: 2, redirected: 1, redirectsFailed: 1, forwarded: 0, forwardsFailed: 1 });
    log0.mockRestore();
    // The first filter moves the boss's mail: the later ones, forwarding "Urgent", never see it.
    expect(log).toEqual([
      `redirect ${ids[0]} to phone@example.com from folder ${inbox}`,
      `redirect ${ids[1]} to phone@example.com from folder ${inbox}`,
      `redirect ${ids[2]} to broken@example.com from folder ${inbox}`,
      `forward ${ids[2]} to assistant@example.com as inline from folder ${inbox}`,
      'move',
    ]);
    filters.save({ accountId, name: 'Forward first', conditions: [{ field: 'subject', operator: 'is', text: 'loop' }], actions: { forwardTo: 'assistant@example.com', forwardAs: 'attachment' } });
    log.length = 0;
    const first = filters.list(accountId).find((filter) => filter.name === 'Forward first')!;
    expect(await filters.run(inbox, first.id)).toMatchObject({ matched: 1, forwarded: 1 });
    expect(log).toEqual([`forward ${ids[1]} to assistant@example.com as attachment from folder ${inbox}`]);
  });

  it('answers with a template once per message, the first filter\'s; a template not in Local Folders ▸ Templates is refused', async () => {
    const { store, accountId, inbox, ids, applied } = setup();
    const templates = addFolder(store, null, 'Templates', null);
    const kept = addFolder(store, null, 'Kept', null);
    const [template, other] = store.write(() => [
      ...store.messages.insertHeaders(templates, [header(90, 'me@example.test', 'Out of office')]),
      ...store.messages.insertHeaders(kept, [header(91, 'me@example.test', 'Not a template')]),
    ]);
    const replies: string[] = [];
    const sendOn = {
      redirect: async () => 'sent' as const,
      forward: async () => 'sent' as const,
      reply: async (messageId: number, templateId: number) => (replies.push(`${messageId} with ${templateId}`), messageId === ids[2] ? ('skipped' as const) : ('sent' as const)),
    };
    const filters = new MessageFilters(store, async (operation) => void applied.push(operation), sendOn);
    filters.save({ accountId, name: 'Away', conditions: [{ field: 'subject', operator: 'contains', text: 'e' }], actions: { replyTemplate: template! } });
    filters.save({ accountId, name: 'Away too', conditions: [{ field: 'subject', operator: 'contains', text: 'w' }], actions: { replyTemplate: template!, flag: true } });
    expect(() => filters.save({ accountId, name: 'x', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: { replyTemplate: other! } })).toThrow(/Templates/);
    expect(() => filters.save({ accountId, name: 'x', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: { replyTemplate: 999_999 } })).toThrow(/Templates/);
    // "Weekly digest" and "WIN NOW" meet both filters, 季度报告 neither: one reply each, the robot's skipped.
    expect(await filters.run(inbox)).toMatchObject({ matched: 2, replied: 1, repliesFailed: 0 });
    expect(replies).toEqual([`${ids[0]} with ${template}`, `${ids[2]} with ${template}`]);
  });

  it('matches by age and status: old read mail, and what is starred', async () => {
    const { store, inbox, ids, applied, filters, save } = setup();
    store.db.prepare('UPDATE messages SET seen = 1, sort_date = ? WHERE id = ?').run(Date.now() - 40 * 86_400_000, ids[0]);
    store.db.prepare('UPDATE messages SET seen = 1, sort_date = ? WHERE id = ?').run(Date.now() - 2 * 86_400_000, ids[1]);
    store.db.prepare('UPDATE messages SET flagged = 1, has_attachments = 1 WHERE id = ?').run(ids[2]);
    save({ name: 'Old and read', conditions: [{ field: 'age', operator: 'isGreaterThan', text: '30' }, { field: 'status', operator: 'is', text: 'read' }], actions: { tag: '$label5' } });
    save({ name: 'Starred with files', conditions: [{ field: 'status', operator: 'is', text: 'flagged' }, { field: 'status', operator: 'is', text: 'attachment' }], actions: { tag: '$label1' } });
    expect(await filters.run(inbox)).toMatchObject({ matched: 2 });
    expect(applied).toEqual([
      { kind: 'flags', messageIds: [ids[0]], add: ['$label5'], remove: [] },
      { kind: 'flags', messageIds: [ids[2]], add: ['$label1'], remove: [] },
    ]);
  });

  it('"Run now" of one filter runs it even when disabled; another account\'s folder or filter is refused', async () => {
    const { store, inbox, ids, applied, filters, save } = setup();
    const spam = save({ name: 'Spam', enabled: false, conditions: [{ field: 'from', operator: 'contains', text: 'bad.example' }], actions: { markRead: true } });
    expect(await filters.run(inbox, spam.id)).toMatchObject({ matched: 1 });
    expect(applied).toEqual([{ kind: 'flags', messageIds: [ids[2]], add: ['\\Seen'], remove: [] }]);
    const other = addAccount(store, 'other');
    const elsewhere = addFolder(store, other, 'INBOX', 'inbox');
    expect(() => filters.run(elsewhere, spam.id)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => filters.save({ accountId: other, name: 'x', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: { moveTo: inbox } })).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    // The local folders are everyone's: a POP3 user files mail there.
    const local = addFolder(store, null, 'Kept', null);
    expect(filters.save({ accountId: other, name: 'To local', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: { moveTo: local } }).actions.moveTo).toBe(local);
  });

  it('a filter whose folder is gone does nothing, not half (flagged but not moved): it is reported and turned off', async () => {
    const { store, inbox, lists, applied, filters, save } = setup();
    const moving = save({ name: 'Lists', conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { moveTo: lists, flag: true } });
    store.db.prepare('DELETE FROM folders WHERE id = ?').run(lists);
    expect(await filters.run(inbox)).toEqual({ matched: 0, moved: 0, copied: 0, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [moving.id], unreadable: 0 });
    expect(applied).toEqual([]);
    expect(store.filters.get(moving.id)).toMatchObject({ enabled: false, actions: { moveTo: lists, flag: true } });
  });

  it('says which filters it turned off while screening new mail, their folder gone, since no one asked and no reply tells', async () => {
    const { store, accountId, inbox, lists, ids, save } = setup();
    const moving = save({ name: 'Lists', conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { moveTo: lists } });
    save({ name: 'Boss', conditions: [{ field: 'from', operator: 'contains', text: 'boss@' }], actions: { flag: true } });
    store.db.prepare('DELETE FROM folders WHERE id = ?').run(lists);
    const told: unknown[] = [];
    const screening = new MessageFilters(store, async () => undefined, null, null, (event) => told.push(event));
    const messages = ids.map((id) => ({ id: id!, from: { name: '', address: 'x@test' }, subject: 's' }));
    await screening.screen({ accountId, folderId: inbox, ids: ids as number[], messages });
    expect(told).toEqual([{ accountId, filters: [{ id: moving.id, name: 'Lists' }] }]);
    await screening.screen({ accountId, folderId: inbox, ids: ids as number[], messages });
    expect(told).toHaveLength(1);
  });

  it('screens new mail in an Inbox before it is announced: what it moved or deleted is left out; other folders pass untouched', async () => {
    const { store, accountId, inbox, lists, ids, save } = setup();
    save({ name: 'Lists', conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { moveTo: lists } });
    // A stand-in for the journal that moves the row at once, as the real one does locally.
    const moving = new MessageFilters(store, async (operation) => {
      if (operation.kind === 'move') for (const id of operation.messageIds) store.db.prepare('UPDATE messages SET folder_id = ? WHERE id = ?').run(operation.folderId, id);
    });
    const messages = ids.map((id) => ({ id: id!, from: { name: '', address: 'x@test' }, subject: 's' }));
    const arrival = { accountId, folderId: inbox, ids: ids as number[], messages };
    expect(await moving.screen({ ...arrival, folderId: lists })).toEqual({ ...arrival, folderId: lists });
    expect(store.messages.idsIn(lists)).toEqual([]);
    expect(await moving.screen(arrival)).toEqual({ ...arrival, ids: [ids[1], ids[2]], messages: messages.slice(1) });
    expect(store.messages.idsIn(lists)).toEqual([ids[0]]);
  });

  it('announces everything, untouched, when the filters fail', async () => {
    const { store, accountId, inbox, ids, save } = setup();
    save({ name: 'Any', conditions: [{ field: 'subject', operator: 'contains', text: 'e' }], actions: { flag: true } });
    const failing = new MessageFilters(store, () => Promise.reject(new Error('disk full')));
    const arrival = { accountId, folderId: inbox, ids: ids as number[], messages: [] };
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await failing.screen(arrival)).toBe(arrival);
    expect(log).toHaveBeenCalledWith('[wren] message filters failed on new mail:', expect.objectContaining({ message: 'disk full' }));
    log.mockRestore();
  });

  it('saves, edits in place, lists in order and removes; refuses a filter without an action or that both moves and deletes', () => {
    const { accountId, lists, filters, save } = setup();
    const first = save({ name: 'One', conditions: [{ field: 'subject', operator: 'contains', text: 'a' }], actions: { flag: true } });
    const second = save({ name: 'Two', conditions: [{ field: 'subject', operator: 'contains', text: 'b' }], actions: { markRead: true } });
    save({ id: first.id, name: 'One, renamed', match: 'any', conditions: [{ field: 'from', operator: 'contains', text: 'c' }], actions: { moveTo: lists } });
    expect(filters.list(accountId).map((f) => [f.name, f.position, f.match])).toEqual([['One, renamed', 1, 'any'], ['Two', 2, 'all']]);
    const third = save({ name: 'Three', conditions: [{ field: 'subject', operator: 'contains', text: 'c' }], actions: { flag: true } });
    expect(filters.move(third.id, 'up').map((f) => f.name)).toEqual(['One, renamed', 'Three', 'Two']);
    expect(filters.move(first.id, 'up').map((f) => f.name)).toEqual(['One, renamed', 'Three', 'Two']);
    expect(filters.move(first.id, 'down').map((f) => f.name)).toEqual(['Three', 'One, renamed', 'Two']);
    expect(filters.remove(second.id)).toEqual({ removed: true });
    expect(() => filters.remove(second.id)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => save({ name: 'x', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: {} })).toThrow(/at least one action/);
    expect(() => save({ name: 'x', conditions: [{ field: 'subject', operator: 'contains', text: 'x' }], actions: { delete: true, moveTo: lists } })).toThrow(/moves or deletes/);
  });

  it('a folder larger than one batch is read a batch at a time, every message decided once', async () => {
    const { store, inbox, applied, filters, save } = setup();
    const many = Array.from({ length: 1200 }, (_, i) => header(100 + i, i % 3 === 0 ? 'bulk@lists.example.org' : 'friend@example.com', `Bulk ${i}`));
    const ids = store.write(() => store.messages.insertHeaders(inbox, many));
    save({ name: 'Bulk', conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { markRead: true } });
    expect(await filters.run(inbox)).toMatchObject({ matched: 400 + 1, moved: 0 });
    const marked = applied[0]!.messageIds;
    expect(new Set(marked).size).toBe(marked.length);
    expect(marked.filter((id) => ids.includes(id))).toHaveLength(400);
  });

  it('reads a message\'s header fields or body only when a filter\'s answer hangs on them, once for all its filters', async () => {
    const { store, inbox, lists, ids, applied, save } = setup();
    const read: string[] = [];
    const content = {
      headers: async (id: number) => (read.push(`headers ${id}`), id === ids[0] ? [{ name: 'list-id', value: ' <digest.lists.example.org>' }] : []),
      body: async (id: number) => (read.push(`body ${id}`), id === ids[1] ? '请查收季度报告。' : 'nothing here'),
    };
    const filters = new MessageFilters(store, async (operation) => void applied.push(operation), null, content);
    save({ name: 'Digest', conditions: [{ field: 'header', header: 'list-id', operator: 'contains', text: 'digest.lists' }], actions: { moveTo: lists } });
    // The sender settles "any" for the spam message; the others need their body, read once for both filters.
    save({ name: 'Reports', match: 'any', conditions: [{ field: 'from', operator: 'contains', text: 'bad.example' }, { field: 'body', operator: 'contains', text: '报告' }], actions: { flag: true } });
    save({ name: 'Not empty', conditions: [{ field: 'body', operator: 'doesNotContain', text: 'nothing' }], actions: { markRead: true } });
    expect(await filters.run(inbox)).toMatchObject({ matched: 3, moved: 1, unreadable: 0 });
    expect(read.sort()).toEqual([`body ${ids[1]}`, `body ${ids[2]}`, ...ids.map((id) => `headers ${id}`)].sort());
    expect(applied).toEqual([
      { kind: 'flags', messageIds: [ids[1]], add: ['\\Flagged', '\\Seen'], remove: [] },
      { kind: 'flags', messageIds: [ids[2]], add: ['\\Flagged'], remove: [] },
      { kind: 'move', messageIds: [ids[0]], folderId: lists },
    ]);
  });

  it('counts the messages whose content could not be read, and lets no filter act on them', async () => {
    const { store, inbox, ids, applied, save } = setup();
    const offline = { headers: async () => null, body: async (id: number) => (id === ids[0] ? 'readable' : null) };
    const filters = new MessageFilters(store, async (operation) => void applied.push(operation), null, offline);
    save({ name: 'No word', conditions: [{ field: 'body', operator: 'doesNotContain', text: 'secret' }], actions: { flag: true } });
    expect(await filters.run(inbox)).toMatchObject({ matched: 1, unreadable: 2 });
    expect(applied).toEqual([{ kind: 'flags', messageIds: [ids[0]], add: ['\\Flagged'], remove: [] }]);
  });

  it('reads the priority and the tags from the store', async () => {
    const { store, inbox, ids, applied, filters, save } = setup();
    store.db.prepare('UPDATE messages SET priority = -1 WHERE id = ?').run(ids[0]);
    store.db.prepare('UPDATE messages SET keywords = ? WHERE id = ?').run('$label4 other', ids[1]);
    save({ name: 'Low', conditions: [{ field: 'priority', operator: 'is', text: 'low' }], actions: { markRead: true } });
    save({ name: 'Normal, to do', conditions: [{ field: 'priority', operator: 'is', text: 'normal' }, { field: 'tag', operator: 'is', text: '$label4' }], actions: { flag: true } });
    expect(await filters.run(inbox)).toMatchObject({ matched: 2 });
    expect(applied).toEqual([
      { kind: 'flags', messageIds: [ids[0]], add: ['\\Seen'], remove: [] },
      { kind: 'flags', messageIds: [ids[1]], add: ['\\Flagged'], remove: [] },
    ]);
  });

  it('an account removed takes its filters with it (migration 0028\'s foreign key)', () => {
    const { store, accountId, filters, save } = setup();
    save({ name: 'One', conditions: [{ field: 'subject', operator: 'contains', text: 'a' }], actions: { flag: true } });
    store.write(() => store.accounts.remove(accountId));
    expect(filters.list(accountId)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM message_filters').pluck().get()).toBe(0);
  });
});
