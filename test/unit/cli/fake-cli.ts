import { PassThrough } from 'node:stream';
import { EventBus } from '../../../src-main/app/event-bus';
import { CliContext } from '../../../src-main/cli/cli-context';
import type { Handlers } from '../../../src-main/ipc/dispatch';
import { METHODS } from '../../../src-main/ipc/channel-names';
import type { AccountView, FolderView, SyncRunResult } from '../../../src-main/ipc/contract';

const account = (id: number, name: string, email: string) => ({ id, name, email }) as AccountView;
const folder = (id: number, accountId: number, path: string, parentId: number | null = null, subscribed = true): FolderView => ({
  id, accountId, parentId, path, name: path.split('/').pop()!, role: null, selectable: true, subscribed, total: 0, unread: 0,
});

/** Two accounts: Bob (1) with a nested tree, Carol (2); messages 100, 101 are Bob's, 200 is Carol's. */
export const WORLD = {
  accounts: [account(1, 'Bob', 'bob@lab.test'), account(2, 'Carol', 'carol@lab.test')],
  folders: {
    1: [folder(10, 1, 'INBOX'), folder(11, 1, 'Archive'), folder(13, 1, 'Projects'), folder(14, 1, 'Projects/2026', 13), folder(15, 1, 'Old', null, false)],
    2: [folder(20, 2, 'INBOX'), folder(21, 2, 'Archive')],
  } as Record<number, FolderView[]>,
  messageFolders: { 100: 10, 101: 10, 200: 20 } as Record<number, number>,
  /** Message 101 has been read already. */
  seen: new Set([101]),
};

export interface FakeCli {
  context: CliContext;
  events: EventBus;
  /** Every request made, in order, with the params as the handler received them (validated, defaults filled). */
  calls: { method: string; params: unknown }[];
  stdout: () => string;
  stderr: () => string;
}

/**
 * A CliContext over fake handlers: the contract's boundary (dispatch, zod) is
 * real, the core behind it is this small world. `syncOutcome` answers sync.run.
 */
export function fakeCli(options: { syncOutcome?: (accountId: number) => SyncRunResult; during?: (events: EventBus) => void } = {}): FakeCli {
  const calls: FakeCli['calls'] = [];
  const events = new EventBus();
  let nextOperation = 1;
  const implemented: Partial<Record<string, (p: never) => unknown>> = {
    'accounts.list': () => WORLD.accounts,
    'folders.list': ({ accountId, includeUnsubscribed }: { accountId: number; includeUnsubscribed: boolean }) =>
      (WORLD.folders[accountId] ?? []).filter((f) => includeUnsubscribed || f.subscribed),
    'messages.summary': ({ messageId }: { messageId: number }) => ({ id: messageId, folderId: WORLD.messageFolders[messageId], seen: WORLD.seen.has(messageId) }),
    'messages.read': ({ messageId }: { messageId: number }) => ({
      id: messageId, subject: 'Hello', from: { name: 'A', address: 'a@lab.test' }, to: [], cc: [], date: null, messageId: null,
      flags: ['\\Seen'], text: 'Body', html: null, warnings: [], attachments: [],
    }),
    'messages.apply': ({ messageIds }: { messageIds: number[] }) => ({ operationId: nextOperation++, affected: messageIds.length, undoable: true }),
    'folders.create': ({ accountId, name }: { accountId: number; name: string }) => folder(99, accountId, name),
    'folders.rename': ({ folderId, name }: { folderId: number; name: string }) => folder(folderId, 1, name),
    'folders.move': ({ folderId, parentId, name }: { folderId: number; parentId: number | null; name?: string }) => {
      const [moved, parent] = [folderId, parentId].map((id) => WORLD.folders[1]!.find((f) => f.id === id));
      const leaf = name ?? moved!.name;
      return folder(folderId, 1, parent ? `${parent.path}/${leaf}` : leaf, parentId);
    },
    // A remote folder goes into Trash unless deleted for good (the core picks the name there).
    'folders.delete': ({ permanent }: { permanent?: boolean }) => (permanent ? { deleted: true } : { movedTo: 'Trash/Moved', name: 'Moved' }),
    'folders.subscribe': ({ folderId }: { folderId: number }) => folder(folderId, 1, 'x'),
    'sync.run': ({ accountId }: { accountId: number }) => {
      options.during?.(events);
      return options.syncOutcome?.(accountId) ?? { summaries: [], failures: [] };
    },
  };
  const handlers = Object.fromEntries(
    METHODS.map((method) => [method, (params: never) => {
      calls.push({ method, params });
      const handler = implemented[method];
      if (!handler) throw new Error(`The CLI asked for ${method}, which this test did not expect.`);
      return handler(params);
    }]),
  ) as unknown as Handlers;
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const context = new CliContext(handlers, events, false, out, err);
  return { context, events, calls, stdout: () => stdout, stderr: () => stderr };
}

/** The requests that change something (not the look-ups). */
export function changes(calls: FakeCli['calls']): FakeCli['calls'] {
  const lookups = new Set(['accounts.list', 'folders.list', 'messages.summary']);
  return calls.filter((c) => !lookups.has(c.method));
}
