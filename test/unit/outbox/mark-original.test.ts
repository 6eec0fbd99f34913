import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComposedMessage } from '../../../src-main/ipc/compose-shapes';
import { OperationsService } from '../../../src-main/journal/operations-service';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';
import { markOriginal } from '../../../src-main/outbox/mark-original';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { headerRecord, insertAccountRow, tempStore } from '../store/temp-store';

let temp: ReturnType<typeof tempStore>;
let accountId: number;
let inbox: number;
let drafts: number;
beforeEach(() => {
  temp = tempStore();
  const { store } = temp;
  accountId = insertAccountRow(store, 'a@test');
  const folder = (path: string, role: string) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name, role, uidvalidity) VALUES (?, ?, ?, ?, 1700)').run(accountId, path, path, role).lastInsertRowid);
  inbox = folder('INBOX', 'inbox');
  drafts = folder('Drafts', 'drafts');
});
afterEach(() => temp.dispose());

function header(uid: number, subject: string, flags: string[] = []): HeaderRecord {
  return headerRecord({ uid, messageId: `<${subject}@test>`, subject, from: { name: '', address: 'b@test' }, date: uid, flags });
}

const insert = (folderId: number, record: HeaderRecord) => temp.store.write(() => temp.store.messages.insertHeaders(folderId, [record]))[0]!;

/** A sent outbox row for `composed`: what markOriginal is handed once the server took the message (read from the stored row). */
let sentCount = 0;
function sentEntry(composed: ComposedMessage) {
  const { store } = temp;
  sentCount += 1;
  const id = store.outbox.insert({
    accountId, messageId: `<sent${sentCount}@test>`, blob: 'b'.repeat(64), size: 1, envelope: { from: 'a@test', to: ['b@test'] },
    composedJson: JSON.stringify(composed), subject: composed.subject, to: ['b@test'], state: 'queued', sendAt: null,
  });
  return store.outbox.sentFollowUpOf(id);
}

/**
 * Between Send and the server's answer (an undo delay, a scheduled send, a day offline) the original
 * or the draft may leave the store: another device deleted it, and the sync removed its row. A message
 * that arrives next must not take over its id and be marked, or deleted, in its place.
 */
describe('markOriginal after the original or the draft left the store', () => {
  it('does not mark \\Answered a message that arrived after the original was removed', () => {
    const { store } = temp;
    insert(inbox, header(1, 'older'));
    const original = insert(inbox, header(2, 'original'));
    const entry = sentEntry(ComposedMessage.parse({ accountId, subject: 'Re: original', origin: { messageId: original, kind: 'reply' } }));
    store.write(() => store.messages.removeUids(inbox, [2]));
    const arrived = insert(inbox, header(3, 'arrived'));

    markOriginal({ operations: new OperationsService(store, () => undefined), staging: new AttachmentStaging(temp.dir) }, entry);

    expect(store.messages.get(arrived)).toMatchObject({ subject: 'arrived', flags: [] });
    expect(store.operations.unfinished(accountId)).toEqual([]);
  });

  it('does not delete a message that arrived after the draft was removed', () => {
    const { store } = temp;
    insert(inbox, header(1, 'older'));
    const draft = insert(drafts, header(1, 'draft', ['\\Draft']));
    const entry = sentEntry(ComposedMessage.parse({ accountId, subject: 'draft', draftMessageId: draft }));
    store.write(() => store.messages.removeUids(drafts, [1]));
    const arrived = insert(inbox, header(2, 'arrived'));

    markOriginal({ operations: new OperationsService(store, () => undefined), staging: new AttachmentStaging(temp.dir) }, entry);

    expect(store.messages.get(arrived)).toMatchObject({ subject: 'arrived' });
    expect(store.operations.unfinished(accountId)).toEqual([]);
  });

  it('says nothing of a draft the composer removed at Send, and still warns of an original it could not mark', async () => {
    const { store } = temp;
    const draft = insert(drafts, header(1, 'draft', ['\\Draft']));
    const original = insert(inbox, header(1, 'original'));
    const entry = sentEntry(ComposedMessage.parse({ accountId, subject: 'Re: original', draftMessageId: draft, origin: { messageId: original, kind: 'reply' } }));
    store.write(() => {
      store.messages.removeUids(drafts, [1]);
      store.messages.removeUids(inbox, [1]);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      markOriginal({ operations: new OperationsService(store, () => undefined), staging: new AttachmentStaging(temp.dir) }, entry);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual(['[wren] outbox: could not mark the original:']);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('what a sent message leaves to do, read from its stored row', () => {
  it('names the original, the draft and the staged files, and nothing of the text or HTML', () => {
    const followUp = sentEntry(
      ComposedMessage.parse({
        accountId, subject: 'Fwd: plan', text: 'x'.repeat(100_000), html: '<p>big</p>', draftMessageId: 7, origin: { messageId: 3, kind: 'forward' },
        attachments: [
          { stagedId: 'stagedAAAA1', filename: 'a.pdf', contentType: 'application/pdf', size: 1 },
          { stagedId: 'stagedBBBB2', filename: '报告.xlsx', contentType: 'application/octet-stream', size: 2 },
        ],
      }),
    );
    expect(followUp).toEqual({ origin: { messageId: 3, kind: 'forward' }, draftMessageId: 7, stagedIds: ['stagedAAAA1', 'stagedBBBB2'] });
    expect(sentEntry(ComposedMessage.parse({ accountId, subject: 'plain' }))).toEqual({ origin: null, draftMessageId: null, stagedIds: [] });
  });

  it('has nothing for a raw message (wren send --raw: no composed form) or a row gone', () => {
    const { store } = temp;
    const id = store.outbox.insert({
      accountId, messageId: '<raw@test>', blob: 'c'.repeat(64), size: 1, envelope: { from: 'a@test', to: ['b@test'] },
      composedJson: null, subject: '', to: ['b@test'], state: 'queued', sendAt: null,
    });
    expect(store.outbox.sentFollowUpOf(id)).toBeNull();
    expect(store.outbox.sentFollowUpOf(id + 100)).toBeNull();
  });

  it('removes the staged attachment files off the core\'s thread; closing waits for the removals', async () => {
    const staging = new AttachmentStaging(temp.dir);
    const ids = ['stagedCCCC3', 'stagedDDDD4'];
    for (const id of ids) writeFileSync(staging.pathOf(id), 'attached bytes');
    const followUp = sentEntry(
      ComposedMessage.parse({ accountId, subject: 'with files', attachments: ids.map((stagedId) => ({ stagedId, filename: 'f.txt', contentType: 'text/plain', size: 14 })) }),
    );
    markOriginal({ operations: new OperationsService(temp.store, () => undefined), staging }, followUp);
    await staging.settled();
    expect(ids.map((id) => existsSync(staging.pathOf(id)))).toEqual([false, false]);
  });
});
