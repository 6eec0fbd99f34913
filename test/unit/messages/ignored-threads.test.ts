import { afterEach, describe, expect, it } from 'vitest';
import type { Events, MailOperation, OperationReceipt } from '../../../src-main/ipc/contract';
import { alsoIn, IgnoredThreads } from '../../../src-main/messages/ignored-threads';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import type { ListFilter } from '../../../src-main/ipc/contract-constants';
import { ThreadedList } from '../../../src-main/store/threaded-list';
import { addAccount, addFolder, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

let nextUid = 1;
function message(messageId: string, links: { inReplyTo?: string; threadRoot?: string; seen?: boolean } = {}): HeaderRecord {
  const uid = nextUid++;
  return {
    uid, uidl: null, messageId, inReplyTo: links.inReplyTo ?? null, threadRoot: links.threadRoot ?? null, subject: messageId,
    from: { name: '', address: 'list@example.test' }, to: [], cc: [], date: uid * 1000, internalDate: null,
    size: 10, flags: links.seen ? ['\\Seen'] : [], hasAttachments: false, structure: null, modseq: null,
  };
}

/** A thread on a list: the question, two replies (one read), and an unrelated message; the operations applied are recorded. */
function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'me');
  const inbox = addFolder(t.store, accountId, 'INBOX', 'inbox');
  const applied: MailOperation[] = [];
  const changes: Events['thread.ignored'][] = [];
  const threads = new IgnoredThreads(t.store, async (operation) => {
    applied.push(operation);
    return { operationId: applied.length, affected: operation.messageIds.length, undoable: true } as OperationReceipt;
  }, (change) => changes.push(change));
  const store = (records: HeaderRecord[]) => t.store.write(() => t.store.messages.insertHeaders(inbox, records));
  const [question, first, second, other] = store([
    message('<q@list>'), message('<r1@list>', { inReplyTo: '<q@list>', threadRoot: '<q@list>' }),
    message('<r2@list>', { inReplyTo: '<r1@list>', threadRoot: '<q@list>', seen: true }), message('<other@x>'),
  ]);
  const arrival = (ids: number[]): Events['mail.new'] => ({ accountId, folderId: inbox, ids, messages: ids.map((id) => ({ id, from: { name: '', address: '' }, subject: '' })) });
  return { store: t.store as Store, inbox, threads, applied, changes, add: store, arrival, ids: { question: question!, first: first!, second: second!, other: other! } };
}

describe('Ignore thread (Thunderbird\'s)', () => {
  it('marks the conversation\'s unread messages read in one operation, and knows each of them as ignored', async () => {
    const { threads, applied, ids } = setup();
    expect(await threads.ignore(ids.second)).toEqual({ ignored: true, markedRead: 2, operationId: 1 });
    expect(applied).toEqual([{ kind: 'flags', messageIds: [ids.question, ids.first], add: ['\\Seen'], remove: [] }]);
    expect([ids.question, ids.first, ids.second].map((id) => threads.isIgnored(id))).toEqual([true, true, true]);
    expect(threads.isIgnored(ids.other)).toBe(false);
  });

  it('new mail answering it, by In-Reply-To or by the root of its References, arrives read and is not announced; a reply to that reply too', async () => {
    const { threads, applied, add, arrival, ids } = setup();
    await threads.ignore(ids.question);
    applied.length = 0;
    const [byParent, byRoot, unrelated] = add([
      message('<r3@list>', { inReplyTo: '<r2@list>' }), message('<r4@list>', { threadRoot: '<q@list>', inReplyTo: '<gone@list>' }), message('<new@x>'),
    ]);
    const left = await threads.screen(arrival([byParent!, byRoot!, unrelated!]));
    expect(left?.ids).toEqual([unrelated]);
    expect(applied).toEqual([{ kind: 'flags', messageIds: [byParent, byRoot], add: ['\\Seen'], remove: [] }]);
    // <r3@list> joined the ignored thread, so an answer to it alone is caught as well.
    const [deeper] = add([message('<r5@list>', { inReplyTo: '<r3@list>' })]);
    expect(await threads.screen(arrival([deeper!]))).toBeNull();
  });

  it('watched again: new mail in it is announced as any other', async () => {
    const { threads, add, arrival, ids } = setup();
    await threads.ignore(ids.first);
    threads.unignore(ids.first);
    const [reply] = add([message('<r6@list>', { inReplyTo: '<q@list>', threadRoot: '<q@list>' })]);
    const event = arrival([reply!]);
    expect(await threads.screen(event)).toBe(event);
    expect(threads.isIgnored(ids.question)).toBe(false);
  });

  it('tells of each change with every message of the thread, so a reading pane on any of them shows it', async () => {
    const { threads, changes, ids } = setup();
    await threads.ignore(ids.second);
    threads.unignore(ids.question);
    const thread = [ids.question, ids.first, ids.second].sort((a, b) => a - b);
    expect(changes.map((change) => ({ ...change, messageIds: [...change.messageIds].sort((a, b) => a - b) }))).toEqual([
      { messageIds: thread, ignored: true }, { messageIds: thread, ignored: false },
    ]);
  });

  it('a list that hides ignored threads leaves every message of them out, flat and in threads, and counts them', async () => {
    const { store, inbox, threads, add, ids } = setup();
    const flat = (filter: ListFilter) => store.messages.page(inbox, 0, 10, undefined, filter);
    const threaded = (filter: ListFilter) => new ThreadedList(store.db).page({
      folderId: inbox, offset: 0, limit: 10, sort: { by: 'date', descending: true }, filter, folding: { collapsed: [], collapseAll: false, expanded: [] },
    });
    // Nothing ignored yet: nothing to leave out, nothing to count.
    expect(flat({ hideIgnored: true })).toMatchObject({ total: 4 });
    expect(flat({ hideIgnored: true }).ignored).toBeUndefined();
    await threads.ignore(ids.first);
    // A reply that arrives later names the thread by its root only: left out too.
    const [late] = add([message('<r5@list>', { threadRoot: '<q@list>', inReplyTo: '<elsewhere@list>' })]);
    expect(flat({ hideIgnored: true })).toMatchObject({ total: 1, ignored: 4, items: [{ id: ids.other }] });
    expect(threaded({ hideIgnored: true })).toMatchObject({ total: 1, messages: 1, ignored: 4, items: [{ id: ids.other }] });
    // Shown (the setting), they are listed and still counted; with no word of it, as before.
    expect(flat({ hideIgnored: false })).toMatchObject({ total: 5, ignored: 4 });
    expect(threaded({ hideIgnored: false })).toMatchObject({ total: 5, ignored: 4 });
    expect(flat({}).ignored).toBeUndefined();
    // Under the quick filter too, and a message the filter keeps listed is left out all the same.
    expect(flat({ hideIgnored: true, unread: true, keep: [late!] })).toMatchObject({ total: 1, items: [{ id: ids.other }] });
    threads.unignore(ids.first);
    expect(flat({ hideIgnored: true })).toMatchObject({ total: 5 });
  });

  it('an announcement keeps only what every screen left (filters and ignored threads each leave some out)', () => {
    const { arrival, ids } = setup();
    expect(alsoIn(arrival([ids.question, ids.first, ids.other]), arrival([ids.first, ids.other, 999]))?.ids).toEqual([ids.first, ids.other]);
    expect(alsoIn(arrival([ids.question]), arrival([ids.other]))).toBeNull();
  });
});
