import type { Migration } from './migration';

/**
 * A policy applies to deletes made under it, as in Thunderbird: a message deleted here while the account left its
 * mail on the server (`keep`) stays there when the policy later turns to deleting. `deleted_while_kept` is set on
 * the records deleted here (gone, or in a Trash) when the policy leaves `keep` (Pop3UidlsRepo.keepDeletedOnServer);
 * the record itself stays, so the message is not downloaded again. Taken out of the Trash, the message is a kept
 * message again: deleted once more, that delete is a new one, under the policy of then.
 */
export const pop3DeletedWhileKept: Migration = {
  // Its place in MIGRATIONS.
  version: 49,
  name: 'pop3-deleted-while-kept',
  up: `
ALTER TABLE pop3_uidls ADD COLUMN deleted_while_kept INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER pop3_uidls_out_of_trash AFTER UPDATE OF folder_id ON messages
  WHEN NEW.folder_id IS NOT OLD.folder_id AND NOT EXISTS (SELECT 1 FROM folders WHERE id = NEW.folder_id AND role = 'trash')
BEGIN
  UPDATE pop3_uidls SET deleted_while_kept = 0 WHERE message_row_id = NEW.id AND deleted_while_kept = 1;
END;
`,
};
