import type { Migration } from './migration';

/**
 * A folder delete records what the user confirmed: the subfolders (paths and
 * message counts) the folder had then, as JSON. The replay deletes only those
 * and stops if another device has added subfolders meanwhile. Entries queued
 * before this migration have none and keep the old behaviour (every subfolder
 * the server has at replay time).
 */
export const folderDeletePlan: Migration = {
  // Its place in MIGRATIONS.
  version: 17,
  name: 'folder-delete-plan',
  up: `ALTER TABLE operations ADD COLUMN folder_plan_json TEXT;`,
};
