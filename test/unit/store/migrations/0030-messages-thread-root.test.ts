import { afterEach, describe, expect, it } from 'vitest';
import { databaseBefore, removeDatabasesBefore } from './database-before';
import { messagesThreadRoot } from '../../../../src-main/store/migrations/0030-messages-thread-root';
import { openDatabase } from '../../../../src-main/store/open-database';
import { Store } from '../../../../src-main/store/store';

afterEach(() => removeDatabasesBefore());

describe('migration 0030 messages thread root', () => {
  it('keeps a populated database\'s messages with no thread root, threaded by In-Reply-To as before, and indexes new roots', () => {
    const { dir, file } = databaseBefore(messagesThreadRoot, `
      INSERT INTO folders (id, account_id, path, name) VALUES (1, NULL, 'Saved', 'Saved');
      INSERT INTO messages (folder_id, subject, sort_date, message_id, in_reply_to) VALUES
        (1, 'Plan', 1, '<a@x>', NULL), (1, 'Re: Plan', 2, '<b@x>', '<a@x>');
    `);
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT subject, thread_root FROM messages ORDER BY sort_date').all()).toEqual([
        { subject: 'Plan', thread_root: null },
        { subject: 'Re: Plan', thread_root: null },
      ]);
      db.prepare("INSERT INTO messages (folder_id, subject, sort_date, message_id, in_reply_to, thread_root) VALUES (1, 'Re: Re: Plan', 3, '<d@x>', '<c@x>', '<a@x>')").run();
      const ofThread = "SELECT subject FROM messages INDEXED BY messages_thread_root WHERE thread_root = '<a@x>'";
      expect(db.prepare(ofThread).pluck().all()).toEqual(['Re: Re: Plan']);
    } finally {
      db.close();
    }
    const store = new Store(dir);
    try {
      const [plan] = store.db.prepare("SELECT id FROM messages WHERE subject = 'Plan'").pluck().all() as number[];
      // <c@x> is missing; the old reply by In-Reply-To and the new one by its References both join Plan.
      expect(store.conversations.of(plan!).map((m) => m.subject)).toEqual(['Plan', 'Re: Plan', 'Re: Re: Plan']);
    } finally {
      store.close();
    }
  });
});
