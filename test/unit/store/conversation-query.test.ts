import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CONVERSATION } from '../../../src-main/store/conversation-query';
import type { Store } from '../../../src-main/store/store';
import { addAccount, addFolder, tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

/** Inserts a message; gives its row id. */
function add(store: Store, folderId: number, subject: string, date: number, messageId: string | null, inReplyTo: string | null = null, threadRoot: string | null = null): number {
  return Number(
    store.db
      .prepare('INSERT INTO messages (folder_id, uid, subject, sort_date, message_id, in_reply_to, thread_root) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(folderId, date, subject, date, messageId, inReplyTo, threadRoot).lastInsertRowid,
  );
}

function setUp() {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const work = addAccount(store, 'work');
  const other = addAccount(store, 'other');
  const folders = {
    inbox: addFolder(store, work, 'INBOX', 'inbox'),
    sent: addFolder(store, work, 'Sent', 'sent'),
    all: addFolder(store, work, '[Gmail]/All Mail', 'all'),
    otherInbox: addFolder(store, other, 'INBOX', 'inbox'),
  };
  return { store, folders, work };
}

const subjects = (store: Store, id: number) => store.conversations.of(id).map((m) => m.subject);

describe('ConversationQuery', () => {
  it('gathers a conversation from any of its messages: up to the first, down to every reply, oldest first, Sent included', () => {
    const { store, folders } = setUp();
    const first = add(store, folders.inbox, 'Plan', 1, '<a@x>');
    const reply = add(store, folders.sent, 'Re: Plan', 2, '<b@x>', '<a@x>');
    const answer = add(store, folders.inbox, 'Re: Re: Plan', 4, '<c@x>', '<b@x>');
    const branch = add(store, folders.inbox, 'Re: Plan (Ann)', 3, '<d@x>', '<a@x>');
    add(store, folders.inbox, 'Unrelated', 5, '<e@x>');
    for (const id of [first, reply, answer, branch]) {
      expect(subjects(store, id)).toEqual(['Plan', 'Re: Plan', 'Re: Plan (Ann)', 'Re: Re: Plan']);
    }
    const placed = store.conversations.of(answer);
    expect(placed.map((m) => m.folderRole)).toEqual(['inbox', 'sent', 'inbox', 'inbox']);
    expect(placed[1]).toMatchObject({ folderName: 'Sent', folderPath: 'Sent', id: reply });
  });

  it('joins the replies to a message that is not here, and is just the message when nothing links to it', () => {
    const { store, folders } = setUp();
    const one = add(store, folders.inbox, 'Re: lost', 1, '<r1@x>', '<gone@x>');
    add(store, folders.inbox, 'Re: lost, again', 2, '<r2@x>', '<gone@x>');
    expect(subjects(store, one)).toEqual(['Re: lost', 'Re: lost, again']);
    const alone = add(store, folders.inbox, 'Alone', 3, '<alone@x>');
    expect(subjects(store, alone)).toEqual(['Alone']);
    const noId = add(store, folders.inbox, 'No Message-ID', 4, null);
    expect(subjects(store, noId)).toEqual(['No Message-ID']);
  });

  it('joins by References a reply whose parent is missing, from any member, with the replies to it', () => {
    const { store, folders } = setUp();
    const first = add(store, folders.inbox, 'Plan', 1, '<a@x>');
    // <b@x>, answering the first, was deleted; <c@x> answers it and names the first in its References.
    const late = add(store, folders.inbox, 'Re: Re: Plan', 3, '<c@x>', '<b@x>', '<a@x>');
    const answer = add(store, folders.sent, 'Re: Re: Re: Plan', 4, '<d@x>', '<c@x>', '<a@x>');
    // An old row, stored before References were fetched, answering <c@x> by In-Reply-To alone.
    const old = add(store, folders.inbox, 'Re: (old)', 5, '<e@x>', '<c@x>');
    add(store, folders.inbox, 'Other thread', 2, '<f@x>', '<z@x>', '<y@x>');
    for (const id of [first, late, answer, old]) {
      expect(subjects(store, id)).toEqual(['Plan', 'Re: Re: Plan', 'Re: Re: Re: Plan', 'Re: (old)']);
    }
  });

  it('gathers the replies of a thread whose first message is missing here, under its References', () => {
    const { store, folders } = setUp();
    const one = add(store, folders.inbox, 'Re: lost', 1, '<r1@x>', '<m1@x>', '<root@x>');
    add(store, folders.inbox, 'Re: lost (other branch)', 2, '<r2@x>', '<m2@x>', '<root@x>');
    expect(subjects(store, one)).toEqual(['Re: lost', 'Re: lost (other branch)']);
  });

  it('leaves out the messages in Trash and Junk, but shows the open one wherever it is', () => {
    const { store, folders, work } = setUp();
    const trash = addFolder(store, work, 'Trash', 'trash');
    const first = add(store, folders.inbox, 'Plan', 1, '<a@x>');
    const deleted = add(store, trash, 'Re: Plan (deleted)', 2, '<b@x>', '<a@x>');
    add(store, folders.inbox, 'Re: Re: Plan', 3, '<c@x>', '<b@x>');
    expect(subjects(store, first)).toEqual(['Plan', 'Re: Re: Plan']);
    expect(subjects(store, deleted)).toEqual(['Plan', 'Re: Plan (deleted)', 'Re: Re: Plan']);
  });

  it('lists each message once: not again from All Mail, and the opened copy for its own', () => {
    const { store, folders } = setUp();
    const first = add(store, folders.inbox, 'Plan', 1, '<a@x>');
    const archived = add(store, folders.all, 'Re: Plan', 2, '<b@x>', '<a@x>');
    add(store, folders.all, 'Plan', 1, '<a@x>'); // All Mail's copy of the first
    expect(store.conversations.of(first).map((m) => m.id)).toEqual([first, archived]);
    const inAllMail = store.conversations.of(archived);
    expect(inAllMail.map((m) => [m.id, m.folderRole])).toEqual([[first, 'inbox'], [archived, 'all']]);
  });

  it('stays in the message’s account, ends on a loop, and keeps the newest of an endless thread', () => {
    const { store, folders } = setUp();
    const mine = add(store, folders.inbox, 'Plan', 1, '<a@x>');
    add(store, folders.otherInbox, 'Re: Plan (other account)', 2, '<b@x>', '<a@x>');
    expect(subjects(store, mine)).toEqual(['Plan']);
    const loopA = add(store, folders.inbox, 'Loop A', 3, '<la@x>', '<lb@x>');
    add(store, folders.inbox, 'Loop B', 4, '<lb@x>', '<la@x>');
    expect(subjects(store, loopA)).toEqual(['Loop A', 'Loop B']);
    let parent = '<t0@x>';
    const head = add(store, folders.inbox, 'Long 0', 100, parent);
    for (let n = 1; n <= MAX_CONVERSATION + 20; n += 1) {
      add(store, folders.inbox, `Long ${n}`, 100 + n, `<t${n}@x>`, parent);
      parent = `<t${n}@x>`;
    }
    const long = store.conversations.of(head);
    expect(long.length).toBe(MAX_CONVERSATION);
    expect(long[0]!.subject).toBe('Long 0'); // the opened one is kept
    expect(long[1]!.subject).toBe('Long 22');
    expect(long.at(-1)!.subject).toBe(`Long ${MAX_CONVERSATION + 20}`);
  });
});
