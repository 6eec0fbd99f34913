import { afterEach, describe, expect, it } from 'vitest';
import { databaseBefore, removeDatabasesBefore } from './database-before';
import { messagesByInReplyTo } from '../../../../src-main/store/migrations/0027-messages-by-in-reply-to';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0027 messages by in-reply-to', () => {
  it('indexes the replies of a populated database, and the walk to a message\'s replies uses it', () => {
    const file = databaseBefore(messagesByInReplyTo, `
      INSERT INTO folders (id, account_id, path, name) VALUES (1, NULL, 'Saved', 'Saved');
      INSERT INTO messages (folder_id, subject, sort_date, message_id, in_reply_to) VALUES
        (1, 'Plan', 1, '<a@x>', NULL), (1, 'Re: Plan', 2, '<b@x>', '<a@x>'), (1, 'Re: Plan too', 3, '<c@x>', '<a@x>');
    `).file;
    const db = openDatabase(file);
    try {
      const replies = "SELECT subject FROM messages INDEXED BY messages_in_reply_to WHERE in_reply_to = '<a@x>' ORDER BY sort_date";
      expect(db.prepare(replies).pluck().all()).toEqual(['Re: Plan', 'Re: Plan too']);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${replies}`).all() as { detail: string }[];
      expect(plan.map((step) => step.detail).join(' ')).toContain('messages_in_reply_to');
    } finally {
      db.close();
    }
  });
});
