import { initial } from './0001-initial';
import { pendingFlagChanges } from './0002-pending-flag-changes';
import { pendingFlagIdentity } from './0003-pending-flag-identity';
import { dropRecentKeyword } from './0004-drop-recent-keyword';
import { operationsJournal } from './0005-operations-journal';
import { folderOperations } from './0006-folder-operations';
import type { Migration } from './migration';

/** In order; a new migration is a new file here, never an edit to an old one. */
export const MIGRATIONS: readonly Migration[] = [initial, pendingFlagChanges, pendingFlagIdentity, dropRecentKeyword, operationsJournal, folderOperations];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
