import { describe, expect, it } from 'vitest';
import { arrangeThreads, foldedBy, type ThreadInput } from '../../../src-main/store/thread-order';

const messageIdOf = (n: number | string | null) => (typeof n === 'number' ? `<${n}@x>` : n);

/** A message `id` sent at `sortDate`, answering `inReplyTo` (a Message-ID `<n@x>` names message n). */
function message(id: number, sortDate: number, inReplyTo: number | string | null = null, seen = true): ThreadInput {
  return { id, messageId: `<${id}@x>`, inReplyTo: messageIdOf(inReplyTo), threadRoot: null, sortDate, seen };
}

/** The same, with References naming `threadRoot` first. */
function reply(id: number, sortDate: number, inReplyTo: number, threadRoot: number): ThreadInput {
  return { ...message(id, sortDate, inReplyTo), threadRoot: messageIdOf(threadRoot) };
}

/** Newest first, as the list's default order gives them. */
const newestFirst = (inputs: ThreadInput[]) => [...inputs].sort((a, b) => b.sortDate - a.sortDate);
const shape = (rows: ReturnType<typeof arrangeThreads>) => rows.map((row) => `${'  '.repeat(row.depth)}${row.id}`);

describe('arrangeThreads', () => {
  it('puts replies under what they answer, oldest reply first, and the thread where its newest message sorts', () => {
    const inputs = newestFirst([message(1, 100), message(2, 200), message(3, 300, 1), message(4, 400, 3), message(5, 350, 1), message(6, 250)]);
    expect(shape(arrangeThreads(inputs))).toEqual(['1', '  3', '    4', '  5', '6', '2']);
  });

  it('gives each row its thread: first message, size and unread count', () => {
    const rows = arrangeThreads(newestFirst([message(1, 100, null, false), message(2, 200, 1, false), message(3, 300, 1), message(4, 50)]));
    expect(rows.map(({ id, rootId, size, unread }) => ({ id, rootId, size, unread }))).toEqual([
      { id: 1, rootId: 1, size: 3, unread: 2 },
      { id: 2, rootId: 1, size: 3, unread: 2 },
      { id: 3, rootId: 1, size: 3, unread: 2 },
      { id: 4, rootId: 4, size: 1, unread: 0 },
    ]);
  });

  it('a collapsed thread shows its first message only; a single message is never collapsed', () => {
    const inputs = newestFirst([message(1, 100), message(2, 200, 1), message(3, 300)]);
    const rows = arrangeThreads(inputs, foldedBy({ collapsed: [1, 3], collapseAll: false, expanded: [] }));
    expect(rows.map(({ id, collapsed, size, hidden }) => ({ id, collapsed, size, hidden }))).toEqual([
      { id: 3, collapsed: false, size: 1, hidden: undefined },
      { id: 1, collapsed: true, size: 2, hidden: [2] },
    ]);
  });

  it('with every thread collapsed, those expanded again show their replies', () => {
    const inputs = newestFirst([message(1, 100), message(2, 200, 1), message(3, 300), message(4, 400, 3), message(5, 500)]);
    const rows = arrangeThreads(inputs, foldedBy({ collapsed: [1], collapseAll: true, expanded: [3] }));
    expect(rows.map(({ id, collapsed, hidden }) => ({ id, collapsed, hidden }))).toEqual([
      { id: 5, collapsed: false, hidden: undefined },
      { id: 3, collapsed: false, hidden: undefined },
      { id: 4, collapsed: false, hidden: undefined },
      { id: 1, collapsed: true, hidden: [2] },
    ]);
  });

  it('a reply whose parent is not in the folder starts its own thread, and its replies follow it', () => {
    expect(shape(arrangeThreads(newestFirst([message(2, 200, 99), message(3, 300, 2)])))).toEqual(['2', '  3']);
  });

  it("a reply whose parent is missing goes under its thread's first message, named first in its References", () => {
    // 2 was deleted (or is in Sent); 3 answers it, 4 answers 3.
    const inputs = newestFirst([message(1, 100), reply(3, 300, 2, 1), reply(4, 400, 3, 1), message(5, 350)]);
    expect(shape(arrangeThreads(inputs))).toEqual(['1', '  3', '    4', '5']);
  });

  it('In-Reply-To comes before References: a reply goes under the message it answers when that one is here', () => {
    const inputs = newestFirst([message(1, 100), reply(2, 200, 1, 1), reply(3, 300, 2, 1), reply(4, 400, 1, 1)]);
    expect(shape(arrangeThreads(inputs))).toEqual(['1', '  2', '    3', '  4']);
  });

  it('replies to one missing message, or of one missing thread, meet under the oldest of them', () => {
    const toMissing = [message(2, 200, 99), message(3, 300, 99), message(4, 250, 99)];
    expect(shape(arrangeThreads(newestFirst(toMissing)))).toEqual(['2', '  4', '  3']);
    // 98 started the thread and is gone; 90 and 91, which they answer, never came.
    const ofMissingThread = [reply(5, 500, 90, 98), reply(6, 600, 91, 98), message(7, 700, 5), message(8, 550)];
    expect(shape(arrangeThreads(newestFirst(ofMissingThread)))).toEqual(['5', '  6', '  7', '8']);
  });

  it('survives In-Reply-To loops and a message answering itself, listing every message once', () => {
    const loop = [message(1, 100, 2), message(2, 200, 1), message(3, 300, 3), message(4, 400, 5), message(5, 500, 6), message(6, 600, 4)];
    const rows = arrangeThreads(newestFirst(loop));
    expect(rows.map((row) => row.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shape(rows)).toEqual(['5', '  4', '    6', '3', '1', '  2']);
  });

  it('a Message-ID twice in the folder (a copy): replies hang under the one stored first, the copy stays listed', () => {
    const copy = { ...message(7, 150), messageId: '<1@x>' };
    expect(shape(arrangeThreads([message(2, 200, 1), copy, message(1, 100)]))).toEqual(['1', '  2', '7']);
  });

  it('follows the given order for threads whatever it is (oldest first here)', () => {
    const inputs = [message(1, 100), message(2, 200), message(3, 300, 1)];
    expect(shape(arrangeThreads(inputs))).toEqual(['1', '  3', '2']);
  });

  it('arranges 100,000 messages in long and wide threads without recursion limits', () => {
    const inputs: ThreadInput[] = [];
    for (let id = 1; id <= 100_000; id++) inputs.push(message(id, id, id % 2 === 0 ? id - 1 : id > 1 ? 1 : null));
    const rows = arrangeThreads(newestFirst(inputs));
    expect(rows).toHaveLength(100_000);
    expect(new Set(rows.map((row) => row.rootId))).toEqual(new Set([1]));
    expect(Math.max(...rows.map((row) => row.depth))).toBe(2);
  });
});
