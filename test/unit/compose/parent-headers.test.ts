import { afterEach, describe, expect, it } from 'vitest';
import { loadParentHeaders, readParentHeaders } from '../../../src-main/compose/parent-headers';
import { replyReferences } from '../../../src-main/compose/references';
import { WrenError } from '../../../src-main/errors/wren-error';
import { addAccount, addFolder, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

const offline = async () => {
  throw new WrenError('Offline', 'no network');
};

describe('loadParentHeaders offline (no cached source, the server out of reach)', () => {
  it('answers from what the store keeps: In-Reply-To and the thread\'s first message, so the reply still names the thread', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const inbox = addFolder(t.store, addAccount(t.store, 'work'), 'INBOX', 'inbox');
    const id = Number(t.store.db.prepare(
      "INSERT INTO messages (folder_id, uid, subject, sort_date, message_id, in_reply_to, thread_root) VALUES (?, 7, 'Re: Plan', 1, '<c@x>', '<b@x>', '<a@x>')",
    ).run(inbox).lastInsertRowid);
    const record = t.store.messages.get(id)!;
    const parent = await loadParentHeaders(t.store, record, offline);
    expect(parent).toEqual({ references: ['<a@x>', '<b@x>'], inReplyTo: '<b@x>', forwardedMessageId: null, replyTo: [], bcc: [], receiptAsked: false, priority: 'normal' });
    expect(replyReferences({ messageId: record.messageId, ...parent })).toEqual(['<a@x>', '<b@x>', '<c@x>']);
  });

  it('names In-Reply-To alone for a message stored without a thread root: the reply\'s References as before', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const inbox = addFolder(t.store, addAccount(t.store, 'work'), 'INBOX', 'inbox');
    const id = Number(t.store.db.prepare("INSERT INTO messages (folder_id, uid, subject, sort_date, message_id, in_reply_to) VALUES (?, 8, 'Re: x', 1, '<d@x>', '<b@x>')").run(inbox).lastInsertRowid);
    expect(await loadParentHeaders(t.store, t.store.messages.get(id)!, offline)).toEqual({ references: ['<b@x>'], inReplyTo: '<b@x>', forwardedMessageId: null, replyTo: [], bcc: [], receiptAsked: false, priority: 'normal' });
  });
});

describe('readParentHeaders', () => {
  it('gives back a draft\'s options: the return receipt asked and the priority chosen', () => {
    const draft = Buffer.from('Subject: Plan\r\nDisposition-Notification-To: <me@x>\r\nX-Priority: 5 (Lowest)\r\nImportance: Low\r\n\r\n');
    expect(readParentHeaders(draft)).toMatchObject({ receiptAsked: true, priority: 'lowest' });
    // Each of the five levels comes back as chosen; Importance alone (Outlook) is high or low.
    for (const [header, priority] of [['X-Priority: 2 (High)', 'high'], ['X-Priority: 4', 'low'], ['X-Priority: 1', 'highest'], ['Importance: high', 'high'], ['X-Priority: 3 (Normal)', 'normal']]) {
      expect(readParentHeaders(Buffer.from(`Subject: Plan\r\n${header}\r\n\r\n`)).priority).toBe(priority);
    }
  });
});
