import type { UnifiedView, ViewMessageSummary } from '../../../src-main/ipc/contract';
import { ACCOUNT } from './mail-fixtures';
import { mailCore } from './mail-core';

/** What a unified view holds of a message, as the core decides it (Trash and Junk aside, which these tests do not reach). */
const IN_VIEW: Record<UnifiedView, (row: ViewMessageSummary) => boolean> = {
  inbox: (row) => row.folderId === 10,
  unread: (row) => !row.seen,
  flagged: (row) => row.flagged,
};

/**
 * mailCore's Inbox with a second account beside it (the unified views appear with two), its views answered from the
 * same messages (all in the Inbox): marking one read or unflagging it changes what the view lists, as in the core.
 */
export function unifiedCore(count = 3) {
  const core = mailCore(count);
  const { client, rows } = core;
  const inView = (view: UnifiedView) =>
    [...rows.values()].map((row): ViewMessageSummary => ({ ...row, accountId: ACCOUNT.id, folderRole: 'inbox' })).filter(IN_VIEW[view]);
  client.handlers['accounts.list'] = () => [ACCOUNT, { ...ACCOUNT, id: 2, name: 'Home', email: 'alice@home.test' }];
  const folders = client.handlers['folders.list']!;
  client.handlers['folders.list'] = (params) => (params.accountId === 2 ? [] : folders(params));
  client.handlers['views.list'] = () =>
    (['inbox', 'unread', 'flagged'] as const).map((view) => ({ view, total: inView(view).length, unread: inView(view).filter((row) => !row.seen).length }));
  // Unread and Flagged go on listing what they are told to keep, as the core does (the Inbox keeps nothing).
  client.handlers['messages.listView'] = ({ view, offset = 0, limit = 200, keep = [] }) => {
    const kept = new Set(view === 'inbox' ? [] : keep);
    const listed = inView('inbox').filter((row) => IN_VIEW[view](row) || kept.has(row.id));
    return { total: listed.length, items: listed.slice(offset, offset + limit) };
  };
  return core;
}
