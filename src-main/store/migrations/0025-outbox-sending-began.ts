import type { Migration } from './migration';

/**
 * A message's "sending" mark may be written, and flushed to the disk, while
 * the message before it is still on the line (so the line never waits for
 * that flush). Whether its own turn then came is recorded apart: began_at,
 * committed (not flushed) just before its envelope goes, and sending_boot,
 * the machine's boot the mark was written in. After a crash, a row still
 * "sending" with no began_at, in the same boot, provably sent nothing (a
 * commit survives a process crash; only a power loss or an OS crash takes it
 * back, and those end the boot) and is queued again; otherwise the Sent folder
 * or the user decides, as before. Rows marked before this have neither.
 */
export const outboxSendingBegan: Migration = {
  // Its place in MIGRATIONS.
  version: 25,
  name: 'outbox-sending-began',
  up: `
ALTER TABLE outbox ADD COLUMN began_at INTEGER;
ALTER TABLE outbox ADD COLUMN sending_boot TEXT;
`,
};
