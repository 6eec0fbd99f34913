import { afterEach, describe, expect, it } from 'vitest';
import { SENT_COPY_WAIT_MS } from '../../../src-main/filters/after-sending-filters';
import { MessageFilters } from '../../../src-main/filters/message-filters';
import type { FilterInput, MailOperation } from '../../../src-main/ipc/contract';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { addAccount, addFolder, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function sentCopy(uid: number, to: string, subject: string): HeaderRecord {
  return {
    uid, uidl: null, messageId: `<sent-${uid}@me>`, inReplyTo: null, threadRoot: null, subject, from: { name: 'Me', address: 'me@example.test' }, to: [{ name: '', address: to }],
    cc: [], date: uid, internalDate: null, size: 10, flags: ['\\Seen'], hasAttachments: false, structure: null, modseq: null,
  };
}

/** An account with an Inbox, a Sent folder and a Projects folder; the filters' operations are recorded, not applied. */
function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'me');
  const inbox = addFolder(t.store, accountId, 'INBOX', 'inbox');
  const sent = addFolder(t.store, accountId, 'Sent', 'sent');
  const projects = addFolder(t.store, accountId, 'Projects', null);
  const applied: MailOperation[] = [];
  const filters = new MessageFilters(t.store, async (operation) => void applied.push(operation));
  const save = (filter: Omit<FilterInput, 'accountId'>) => filters.save({ accountId, ...filter });
  const store = (folderId: number, records: HeaderRecord[]) => t.store.write(() => t.store.messages.insertHeaders(folderId, records));
  return { t, accountId, inbox, sent, projects, applied, filters, save, store };
}

const TO_ACME = [{ field: 'recipients' as const, operator: 'contains' as const, text: 'acme.example' }];

describe('filters after sending (Thunderbird\'s "After Sending")', () => {
  it('run on the Sent copy once it is stored, once; filters that run on new mail only are left out', async () => {
    const { accountId, sent, projects, applied, filters, save, store } = setup();
    save({ name: 'Acme', conditions: TO_ACME, actions: { moveTo: projects }, runOn: { newMail: false, afterSending: true } });
    save({ name: 'New mail only', conditions: TO_ACME, actions: { flag: true } });
    filters.afterSending.noteSent(accountId, '<sent-1@me>', 1_000);
    // Not stored yet (an IMAP account's copy comes with the next sync): nothing runs, the note waits.
    expect(await filters.afterSending.runOnStoredCopies(accountId, 2_000)).toBe(0);
    const [copy] = store(sent, [sentCopy(1, 'ann@acme.example', 'Quote')]);
    expect(await filters.afterSending.runOnStoredCopies(accountId, 3_000)).toBe(1);
    expect(applied).toEqual([{ kind: 'move', messageIds: [copy], folderId: projects }]);
    expect(await filters.afterSending.runOnStoredCopies(accountId, 4_000)).toBe(0);
    expect(applied).toHaveLength(1);
  });

  it('notes nothing when no enabled filter runs after sending, and gives a copy that never comes up after a week', async () => {
    const { t, accountId, projects, filters, save } = setup();
    const off = save({ name: 'Off', enabled: false, conditions: TO_ACME, actions: { moveTo: projects }, runOn: { newMail: false, afterSending: true } });
    filters.afterSending.noteSent(accountId, '<sent-2@me>', 0);
    expect(t.store.filterSentQueue.list(accountId)).toEqual([]);
    const { position: _place, ...saved } = off;
    filters.save({ ...saved, enabled: true });
    filters.afterSending.noteSent(accountId, '<sent-3@me>', 0);
    expect(await filters.afterSending.runOnStoredCopies(accountId, SENT_COPY_WAIT_MS)).toBe(0);
    expect(t.store.filterSentQueue.list(accountId)).toHaveLength(1);
    await filters.afterSending.runOnStoredCopies(accountId, SENT_COPY_WAIT_MS + 1);
    expect(t.store.filterSentQueue.list(accountId)).toEqual([]);
  });

  it('new mail meets only the filters that run on new mail; "Run now" runs every enabled filter', async () => {
    const { accountId, inbox, projects, applied, filters, save, store } = setup();
    save({ name: 'By hand', conditions: [{ field: 'subject', operator: 'contains', text: 'Quote' }], actions: { flag: true }, runOn: { newMail: false, afterSending: false } });
    save({ name: 'Sent only', conditions: [{ field: 'subject', operator: 'contains', text: 'Quote' }], actions: { moveTo: projects }, runOn: { newMail: false, afterSending: true } });
    const [arrived] = store(inbox, [{ ...sentCopy(5, 'me@example.test', 'Quote'), flags: [] }]);
    const event = { accountId, folderId: inbox, ids: [arrived!], messages: [{ id: arrived!, from: { name: '', address: '' }, subject: 'Quote' }] };
    expect(await filters.screen(event)).toEqual(event);
    expect(applied).toEqual([]);
    expect(await filters.run(inbox)).toMatchObject({ matched: 1, moved: 1 });
    expect(applied.map((operation) => operation.kind)).toEqual(['flags', 'move']);
  });

  it('keeps when each filter runs, and a filter saved without saying runs on new mail, as before', () => {
    const { accountId, filters, save } = setup();
    const plain = save({ name: 'Plain', conditions: TO_ACME, actions: { flag: true } });
    const both = save({ name: 'Both', conditions: TO_ACME, actions: { flag: true }, runOn: { newMail: true, afterSending: true } });
    expect(filters.list(accountId).map((filter) => [filter.id, filter.runOn])).toEqual([
      [plain.id, { newMail: true, afterSending: false, periodically: false }], [both.id, { newMail: true, afterSending: true, periodically: false }],
    ]);
  });
});
