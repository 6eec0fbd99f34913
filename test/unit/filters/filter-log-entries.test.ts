import { describe, expect, it } from 'vitest';
import { filterLogEntries } from '../../../src-main/filters/filter-log-entries';
import type { Decision } from '../../../src-main/filters/filter-runner';
import type { MessageFilter } from '../../../src-main/ipc/contract';
import type { FolderRecord } from '../../../src-main/store/folders-repo';
import type { FilteredRow } from '../../../src-main/store/filters-repo';

const INBOX = 1;
const LISTS = 2;
const KEPT = 3;

const message = {
  id: 10, folderId: INBOX, accountId: 1, messageId: '<digest@example.test>', from: { name: 'Ann', address: 'ann@example.test' }, to: [], cc: [], subject: 'Weekly digest', size: 1, date: 0,
  seen: false, flagged: false, answered: false, hasAttachments: false, priority: 'normal', keywords: [],
} satisfies FilteredRow;

function filter(id: number, name: string, actions: Partial<MessageFilter['actions']>): MessageFilter {
  return {
    id, accountId: 1, position: id, name, enabled: true, match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: 'digest' }],
    actions: { moveTo: null, copyTo: null, redirectTo: null, forwardTo: null, forwardAs: 'inline', replyTemplate: null, markRead: false, flag: false, tag: null, delete: false, ...actions },
    runOn: { newMail: true, afterSending: false, periodically: false },
  };
}

const folders = new Map([[LISTS, { path: 'Lists', accountId: 1 }], [KEPT, { path: 'Kept', accountId: null }]]);
const folderOf = (id: number) => folders.get(id) as FolderRecord | undefined;

describe('filterLogEntries', () => {
  it('writes a line per matching filter with what it did: folders by path, the local ones marked, sendings with how they went', () => {
    const first = filter(1, 'Forward digests', { forwardTo: 'me@phone.test', copyTo: KEPT, tag: '$label2', replyTemplate: 77 });
    const second = filter(2, 'Lists', { moveTo: LISTS, markRead: true, replyTemplate: 78, forwardTo: 'me@phone.test' });
    const decision = {
      message, matchedBy: [first, second], outcomes: new Map([['forward me@phone.test', { outcome: 'failed', error: { code: 'NoSmtpServer', message: 'No outgoing server' } }], ['reply', { outcome: 'skipped' }]]),
      redirectTo: new Set(), forwardTo: new Map([['me@phone.test', 'inline']]), replyWith: 77, add: new Set(), copyTo: new Set([KEPT]), moveTo: LISTS, delete: false,
    } as Decision;
    const entries = filterLogEntries([decision], { folderOf, subjectOf: (id) => (id === 77 ? 'Away' : undefined) });
    expect(entries).toEqual([
      {
        filterId: 1, filterName: 'Forward digests', from: message.from, subject: 'Weekly digest',
        did: [
          { kind: 'forward', to: 'me@phone.test', outcome: 'failed', error: { code: 'NoSmtpServer', message: 'No outgoing server' } }, { kind: 'reply', template: 'Away', outcome: 'skipped' },
          { kind: 'tag', tag: '$label2' }, { kind: 'copy', folder: 'Kept', local: true },
        ],
      },
      // The second filter's template was not the one used (one reply per message); its forward shared the first's.
      {
        filterId: 2, filterName: 'Lists', from: message.from, subject: 'Weekly digest',
        did: [{ kind: 'forward', to: 'me@phone.test', outcome: 'failed', error: { code: 'NoSmtpServer', message: 'No outgoing server' } }, { kind: 'markRead' }, { kind: 'move', folder: 'Lists' }],
      },
    ]);
  });

  it('leaves out a move or copy into the folder the message is in, and names a folder gone by its number', () => {
    const here = filter(3, 'Here', { moveTo: INBOX, copyTo: 99, delete: false });
    const decision = { message, matchedBy: [here], outcomes: new Map(), redirectTo: new Set(), forwardTo: new Map(), replyWith: null } as unknown as Decision;
    expect(filterLogEntries([decision], { folderOf, subjectOf: () => undefined })[0]!.did).toEqual([{ kind: 'copy', folder: '#99' }]);
    // Left with nothing to do (its only action a move where the message is, or into a folder gone): no line.
    const idle = { ...decision, matchedBy: [filter(5, 'Idle', { moveTo: INBOX })] } as Decision;
    expect(filterLogEntries([idle], { folderOf, subjectOf: () => undefined })).toEqual([]);
  });

  it('links each change to the operation that carried it, with the Message-ID, so that a refusal can be written in later', () => {
    const lists = filter(4, 'Lists', { markRead: true, tag: '$label1', moveTo: LISTS, forwardTo: 'me@phone.test' });
    const decision = {
      message, matchedBy: [lists], outcomes: new Map([['forward me@phone.test', { outcome: 'sent' }]]), redirectTo: new Set(), forwardTo: new Map(), replyWith: null,
    } as unknown as Decision;
    const carried = new Map([['10 flags', 501], ['10 move 2', 502]]);
    const [entry] = filterLogEntries([decision], {
      folderOf, subjectOf: () => undefined, operationOf: (id, change) => carried.get(`${id} ${change}`) ?? null,
    });
    expect(entry!.did.map((action) => action.kind)).toEqual(['forward', 'markRead', 'tag', 'move']);
    expect(entry!.operations).toEqual([
      { actionIndex: 1, operationId: 501, messageId: '<digest@example.test>' }, { actionIndex: 2, operationId: 501, messageId: '<digest@example.test>' },
      { actionIndex: 3, operationId: 502, messageId: '<digest@example.test>' },
    ]);
  });

  it('leaves out what changed nothing: a flag the message had, a sending done before (a periodic run meets the same mail)', () => {
    const again = filter(6, 'Again', { markRead: true, flag: true, tag: '$label1', forwardTo: 'me@phone.test' });
    const read = { ...message, seen: true, keywords: ['$label1'] };
    const decision = {
      message: read, matchedBy: [again], outcomes: new Map([['forward me@phone.test', { outcome: 'sentBefore' }]]), redirectTo: new Set(), forwardTo: new Map(), replyWith: null,
    } as unknown as Decision;
    expect(filterLogEntries([decision], { folderOf, subjectOf: () => undefined })[0]!.did).toEqual([{ kind: 'flag' }]);
  });
});
