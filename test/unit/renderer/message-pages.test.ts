// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { MessagePages, PAGE_SIZE } from '../../../src-renderer/components/MessageList/message-pages';
import type { SavedFolds } from '../../../src-renderer/components/MessageList/saved-thread-folds';
import { ThreadFolds } from '../../../src-renderer/components/MessageList/thread-folds';
import { FakeClient } from './fake-client';

const TOTAL = 50_000;

function summary(index: number, folderId: number): MessageSummary {
  return {
    id: index + 1, folderId, uid: index + 1, subject: `Message ${index}`, from: { name: '', address: 'a@example.test' },
    to: [], date: null, size: 100, seen: true, flagged: false, answered: false, hasAttachments: false,
  };
}

function folderOf(total: number) {
  const client = new FakeClient({
    'messages.list': ({ folderId, offset = 0, limit = 200 }) => ({
      total,
      items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => summary(offset + i, folderId)),
    }),
  });
  let changes = 0;
  const pages = new MessagePages(client, 3, () => changes++);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { client, pages, settle, changes: () => changes };
}

/** A folder's pages in threads, its first page asked for and answered. */
async function threadedFolder() {
  const client = new FakeClient({ 'messages.list': () => ({ total: 1, items: [summary(0, 3)] }) });
  const pages = new MessagePages(client, 3, () => {}, '', { by: 'date', descending: true }, {}, true);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  pages.showRows(0, 10);
  await settle();
  return { client, pages, settle };
}

describe('MessagePages', () => {
  it('loads only the page in view, not the whole folder', async () => {
    const { client, pages, settle } = folderOf(TOTAL);
    pages.showRows(0, 30);
    await settle();
    expect(client.callsOf('messages.list')).toEqual([{ folderId: 3, offset: 0, limit: PAGE_SIZE }]);
    expect(pages.total).toBe(TOTAL);
    expect(pages.rowAt(30)?.subject).toBe('Message 30');
    expect(pages.rowAt(PAGE_SIZE)).toBeUndefined();
  });

  it('in threads, asks for them with the collapsed threads; a twisty collapses or expands one and fetches the rows anew', async () => {
    const { client, pages, settle } = await threadedFolder();
    pages.toggleThread(7);
    await settle();
    pages.toggleThread(9);
    await settle();
    pages.toggleThread(7);
    await settle();
    const expandedAll = (collapsed: number[]) => ({ collapsed, collapseAll: false, expanded: [] });
    expect(client.callsOf('messages.list').map((call) => (call as { threads?: unknown }).threads)).toEqual([
      expandedAll([]), expandedAll([7]), expandedAll([7, 9]), expandedAll([9]),
    ]);
  });

  it('collapses every thread at once, then names only those expanded again; Expand All starts over', async () => {
    const { client, pages, settle } = await threadedFolder();
    pages.toggleThread(9);
    await settle();
    pages.setAllThreadsCollapsed(true);
    await settle();
    pages.toggleThread(7); // expands it
    await settle();
    pages.setThreadCollapsed(7, false); // so already: no request
    pages.setAllThreadsCollapsed(false);
    await settle();
    pages.setAllThreadsCollapsed(false); // so already: no request
    await settle();
    expect(client.callsOf('messages.list').map((call) => (call as { threads?: unknown }).threads)).toEqual([
      { collapsed: [], collapseAll: false, expanded: [] },
      { collapsed: [9], collapseAll: false, expanded: [] },
      { collapsed: [], collapseAll: true, expanded: [] },
      { collapsed: [], collapseAll: true, expanded: [7] },
      { collapsed: [], collapseAll: false, expanded: [] },
    ]);
  });

  it('follows what the settings keep for the folder, and hands each change of its own to be kept', async () => {
    const kept: SavedFolds[] = [];
    const client = new FakeClient({ 'messages.list': () => ({ total: 1, items: [summary(0, 3)] }) });
    const folds = new ThreadFolds({ collapseAll: false, turned: [] }, (saved) => kept.push(saved));
    const pages = new MessagePages(client, 3, () => {}, '', { by: 'date', descending: true }, {}, true, folds);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    pages.showRows(0, 10);
    await settle();
    pages.followSavedFolds({ collapseAll: true, turned: [] }); // the settings arrived, or another window changed them
    await settle();
    pages.followSavedFolds({ collapseAll: true, turned: [] }); // so already: no request
    pages.toggleThread(7);
    await settle();
    pages.followSavedFolds({ collapseAll: true, turned: [7] }); // this window's own change, back from the settings
    pages.followSavedFolds({ collapseAll: false, turned: [5] }); // another window's
    await settle();
    expect(client.callsOf('messages.list').map((call) => (call as { threads?: unknown }).threads)).toEqual([
      { collapsed: [], collapseAll: false, expanded: [] },
      { collapsed: [], collapseAll: true, expanded: [] },
      { collapsed: [], collapseAll: true, expanded: [7] },
      { collapsed: [5], collapseAll: false, expanded: [] },
    ]);
    // Only the user's own change is handed on to be kept, not what came from the settings.
    expect(kept).toEqual([{ collapseAll: true, turned: [7] }]);
  });

  it('an action on a collapsed thread\'s row reaches the replies it hides; other rows reach themselves', async () => {
    const root = { ...summary(0, 3), thread: { depth: 0, rootId: 1, size: 3, unread: 0, collapsed: true, hidden: [7, 8] } };
    const client = new FakeClient({ 'messages.list': () => ({ total: 2, items: [root, summary(1, 3)] }) });
    const pages = new MessagePages(client, 3, () => {}, '', { by: 'date', descending: true }, {}, true);
    pages.showRows(0, 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.withThreads([2])).toEqual([2]);
    expect(pages.withThreads(new Set([1, 2]))).toEqual([1, 7, 8, 2]);
  });

  it('fetches further pages as rows scroll into view, each once', async () => {
    const { client, pages, settle } = folderOf(TOTAL);
    pages.showRows(0, 30);
    await settle();
    pages.showRows(190, 230);
    pages.showRows(195, 235); // the same pages again while the request is out
    await settle();
    expect(client.callsOf('messages.list')).toEqual([
      { folderId: 3, offset: 0, limit: PAGE_SIZE },
      { folderId: 3, offset: 200, limit: PAGE_SIZE },
    ]);
    expect(pages.rowAt(230)?.subject).toBe('Message 230');
  });

  it('on refresh refetches only the visible pages and forgets the rest', async () => {
    const { client, pages, settle } = folderOf(TOTAL);
    pages.showRows(0, 30);
    pages.showRows(1000, 1030);
    await settle();
    client.calls.length = 0;
    pages.refresh();
    await settle();
    expect(client.callsOf('messages.list')).toEqual([{ folderId: 3, offset: 1000, limit: PAGE_SIZE }]);
    expect(pages.rowAt(0)).toBeUndefined();
    expect(pages.rowAt(1000)?.subject).toBe('Message 1000');
  });

  it('keeps the newest answer when an older one arrives late', async () => {
    let call = 0;
    const resolvers: (() => void)[] = [];
    const client = new FakeClient({
      'messages.list': () => {
        const subject = `answer ${++call}`;
        return new Promise((resolve) => resolvers.push(() => resolve({ total: 1, items: [{ ...summary(0, 3), subject }] })));
      },
    });
    const pages = new MessagePages(client, 3, () => {});
    pages.showRows(0, 0);
    pages.refresh();
    resolvers[1]!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    resolvers[0]!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.rowAt(0)?.subject).toBe('answer 2');
  });

  it('records a failure so the list can say what went wrong', async () => {
    const client = new FakeClient({});
    const pages = new MessagePages(client, 3, () => {});
    pages.showRows(0, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.error?.code).toBe('UnknownMethod');
  });

  it('gives the rows of a range across pages never shown, fetching only the missing pages, and finds rows by id', async () => {
    const { client, pages, settle } = folderOf(1000);
    pages.showRows(0, 30);
    await settle();
    expect(pages.loadedBetween(150, 450)).toBeNull();
    const rows = await pages.rowsBetween(450, 150); // a shift-click upwards
    expect(rows.map((row) => row.subject)).toEqual(Array.from({ length: 301 }, (_, i) => `Message ${150 + i}`));
    expect(client.callsOf('messages.list')).toEqual([
      { folderId: 3, offset: 0, limit: PAGE_SIZE },
      { folderId: 3, offset: 200, limit: PAGE_SIZE },
      { folderId: 3, offset: 400, limit: PAGE_SIZE },
    ]);
    expect(pages.loadedBetween(0, 599)).toHaveLength(600);
    expect(pages.indexOf(451)).toBe(450);
    expect(pages.byId(451)?.subject).toBe('Message 450');
    expect(pages.indexOf(999)).toBe(-1);
  });

  it('forgets where a row was once its page is dropped', async () => {
    const { pages, settle } = folderOf(1000);
    await pages.rowsBetween(0, 450);
    pages.showRows(0, 10);
    pages.refresh();
    await settle();
    expect(pages.indexOf(1)).toBe(0);
    expect(pages.indexOf(451)).toBe(-1);
  });
});
