import type { Migration } from './migration';

/**
 * Which journal operation carried each change a Filter Log entry records (`action_index` into its did_json), so
 * that a change the server refuses later (operation.failed) is marked so in the log instead of standing there as
 * done. `message_id` is the message's Message-ID: a failure that names the messages it missed marks only theirs.
 * Operation ids may be used again once an entry is gone, so a link lasts only while its operation is unfinished:
 * the triggers drop it when the operation is done or dropped (a failed one is dropped when announced, after the log
 * has read its links).
 */
export const filterLogOperations: Migration = {
  // Its place in MIGRATIONS.
  version: 40,
  name: 'filter-log-operations',
  up: `
CREATE TABLE filter_log_operations (
  operation_id INTEGER NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES filter_log(id) ON DELETE CASCADE,
  action_index INTEGER NOT NULL,
  message_id TEXT
);
CREATE INDEX filter_log_operations_operation ON filter_log_operations(operation_id);
CREATE INDEX filter_log_operations_entry ON filter_log_operations(entry_id);
CREATE TRIGGER filter_log_operations_done AFTER UPDATE OF state ON operations WHEN NEW.state = 'done'
BEGIN
  DELETE FROM filter_log_operations WHERE operation_id = NEW.id;
END;
CREATE TRIGGER filter_log_operations_dropped AFTER DELETE ON operations WHEN OLD.state <> 'failed'
BEGIN
  DELETE FROM filter_log_operations WHERE operation_id = OLD.id;
END;
`,
};
