import type { Migration } from './migration';

/**
 * The composed message (the text and HTML again, tens of KB for an HTML
 * mail) moves out of the outbox row into a table of its own. A send rewrites
 * its row three times ("sending" ahead of its turn, the turn, "sent"), and
 * each of those changes the row's size, so SQLite wrote the row anew with
 * every overflow page of the composed text: that was half the cost of the
 * transaction each turn waits for (0.11 against 0.06 ms per turn, measured
 * alone; on the loopback bench the queued sends' ratio fell from 1.6x to
 * 1.3x without it). Only Undo, "edit" and the after-send marks read it.
 */
export const outboxComposedApart: Migration = {
  // Its place in MIGRATIONS.
  version: 26,
  name: 'outbox-composed-apart',
  up: `
CREATE TABLE outbox_composed (
  outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
  composed_json TEXT NOT NULL
);
INSERT INTO outbox_composed (outbox_id, composed_json) SELECT id, composed_json FROM outbox WHERE composed_json IS NOT NULL;
ALTER TABLE outbox DROP COLUMN composed_json;
`,
};
