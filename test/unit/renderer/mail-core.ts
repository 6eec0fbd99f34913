import type { FolderView, MailOperation, MessageFlag, MessageSummary, MessageView } from '../../../src-main/ipc/contract';
import { FakeClient } from './fake-client';
import { ClientError } from '../../../src-renderer/client/wren-client';
import { ACCOUNT, MESSAGE, SUMMARY, folder } from './mail-fixtures';

const BASE_FOLDERS: FolderView[] = [
  folder(10, 'INBOX', { role: 'inbox' }),
  folder(11, 'Sent', { role: 'sent' }),
  folder(12, 'Projects', { selectable: false }),
  folder(13, 'Projects/Wren', { parentId: 12 }),
  folder(14, 'Trash', { role: 'trash' }),
  folder(15, 'Archive', { role: 'archive' }),
  folder(16, 'Receipts'),
  folder(17, 'Junk', { role: 'junk' }),
];

/**
 * A stand-in for the core's operations journal in unit tests: it keeps
 * messages per folder, applies `messages.apply` to them at once, announces
 * the change as the store would, and can undo each operation. (The real
 * journal is proven against Dovecot in the integration and e2e tests.)
 */
export function mailCore(count = 3) {
  const client = new FakeClient();
  const rows = new Map<number, MessageSummary>();
  for (let index = 0; index < count; index++) {
    const id = 100 + index;
    rows.set(id, { ...SUMMARY, id, uid: id, folderId: 10, subject: `Message ${index}`, seen: false, flagged: false });
  }
  let folders = BASE_FOLDERS.map((entry) => ({ ...entry }));
  const undos = new Map<number, () => void>();
  let nextOperation = 1;
  const announce = (folderIds: number[]) =>
    client.emit('store.changed', { changes: [...new Set(folderIds)].map((folderId) => ({ entity: 'messages' as const, folderId, ids: [] })) });
  const inFolder = (folderId: number) => [...rows.values()].filter((row) => row.folderId === folderId).sort((a, b) => a.id - b.id);
  const withCounts = () =>
    folders.map((entry) => ({ ...entry, total: inFolder(entry.id).length, unread: inFolder(entry.id).filter((row) => !row.seen).length }));
  const byRole = (role: FolderView['role']) => folders.find((entry) => entry.role === role)!.id;

  /** Changes the rows, remembering what they were so the operation can be undone. */
  const change = (ids: number[], edit: (row: MessageSummary) => MessageSummary) => {
    const before = ids.map((id) => rows.get(id)!);
    for (const row of before) rows.set(row.id, edit(row));
    const touched = [...before.map((row) => row.folderId), ...ids.map((id) => rows.get(id)!.folderId)];
    const operationId = nextOperation++;
    undos.set(operationId, () => {
      for (const row of before) rows.set(row.id, row);
      announce(touched);
    });
    announce(touched);
    return { operationId, affected: ids.length, undoable: true };
  };

  /** As the core: gone from the store at once, never to be undone. */
  const deleteForGood = (ids: number[]) => {
    const touched = ids.map((id) => rows.get(id)!.folderId);
    for (const id of ids) rows.delete(id);
    announce(touched);
    return { operationId: nextOperation++, affected: ids.length, undoable: false, forGood: ids.length };
  };

  const apply = (operation: MailOperation) => {
    const { messageIds } = operation;
    switch (operation.kind) {
      case 'flags': {
        const { add, remove } = operation;
        const set = (flag: MessageFlag, current: boolean) => (add.includes(flag) ? true : remove.includes(flag) ? false : current);
        return change(messageIds, (row) => ({ ...row, seen: set('\\Seen', row.seen), flagged: set('\\Flagged', row.flagged) }));
      }
      case 'move':
        return change(messageIds, (row) => ({ ...row, folderId: operation.folderId }));
      case 'copy':
        return { operationId: nextOperation++, affected: messageIds.length, undoable: true };
      case 'delete':
        if (operation.permanent) return deleteForGood(messageIds);
        return { ...change(messageIds, (row) => ({ ...row, folderId: byRole('trash') })), forGood: 0 };
      case 'archive':
        return change(messageIds, (row) => ({ ...row, folderId: byRole('archive') }));
      case 'junk': {
        // As the core: the receipt says how many the mark moved (none already where it sends them).
        const target = operation.junk ? byRole('junk') : byRole('inbox');
        const moved = messageIds.filter((id) => rows.get(id)!.folderId !== target).length;
        return { ...change(messageIds, (row) => ({ ...row, folderId: target })), moved };
      }
    }
  };

  client.handlers = {
    'accounts.list': () => [ACCOUNT],
    'outbox.list': () => [], // as a fresh core: nothing waits to be sent
    'folders.list': ({ accountId }) => withCounts().filter((entry) => entry.accountId === accountId), // null: the local folders
    'messages.list': ({ folderId, offset = 0, limit = 200 }) => ({ total: inFolder(folderId).length, items: inFolder(folderId).slice(offset, offset + limit) }),
    'messages.read': ({ messageId }): MessageView => ({ ...MESSAGE, ...rows.get(messageId)!, warnings: [], attachments: [] }),
    'messages.summary': ({ messageId }) => {
      const row = rows.get(messageId);
      if (!row) throw new ClientError({ code: 'NotFound', message: `No message ${messageId}` });
      return row;
    },
    // The folder's list here is by id: the neighbour is the row after (or before) in it, unread ones alone with `unread`.
    'messages.neighbour': ({ messageId, direction, unread }) => {
      const folderId = rows.get(messageId)?.folderId;
      const listed = folderId === undefined ? [] : inFolder(folderId);
      const at = listed.findIndex((row) => row.id === messageId);
      const beyond = at < 0 ? [] : direction === 'next' ? listed.slice(at + 1) : listed.slice(0, at).reverse();
      return { messageId: beyond.find((row) => !unread || !row.seen)?.id ?? null };
    },
    'messages.apply': (operation) => apply(operation as MailOperation),
    'operations.undo': ({ operationId }) => {
      undos.get(operationId)?.();
      return { undone: true };
    },
    'folders.markRead': ({ folderId }) => change(inFolder(folderId).map((row) => row.id), (row) => ({ ...row, seen: true })),
    'folders.create': ({ accountId, parentId, name }) => {
      const parent = folders.find((entry) => entry.id === parentId);
      const created = folder(100 + folders.length, parent ? `${parent.path}/${name}` : name, { accountId, parentId });
      folders = [...folders, created];
      client.emit('store.changed', { changes: [{ entity: 'folders', accountId, ids: [created.id] }] });
      return created;
    },
  };
  return { client, rows, inFolder, get folders() { return withCounts(); } };
}
