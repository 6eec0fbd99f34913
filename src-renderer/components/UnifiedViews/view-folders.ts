import type { FolderView, UnifiedView, UnifiedViewCount } from '../../../src-main/ipc/contract';
import type { Translate } from '../../i18n/translate';

/**
 * A unified view opens in the message list like a folder, under an id no
 * folder has (folders count up from 1): the list, the selection and the
 * reading pane then need nothing new, and no action takes it for a target.
 */
const VIEW_FOLDER_IDS: Record<UnifiedView, number> = { inbox: -1, unread: -2, flagged: -3 };

export const UNIFIED_VIEWS: readonly UnifiedView[] = ['inbox', 'unread', 'flagged'];

export function viewOfFolderId(folderId: number): UnifiedView | null {
  return UNIFIED_VIEWS.find((view) => VIEW_FOLDER_IDS[view] === folderId) ?? null;
}

export function isViewFolder(folder: FolderView | null): boolean {
  return folder !== null && viewOfFolderId(folder.id) !== null;
}

/** The view as a folder of no account, named in the user's language, with its counts. */
export function viewFolder(view: UnifiedView, count: UnifiedViewCount | undefined, t: Translate): FolderView {
  return {
    id: VIEW_FOLDER_IDS[view],
    accountId: null,
    parentId: null,
    path: `view:${view}`,
    name: t(`views.${view}`),
    role: null,
    selectable: true,
    subscribed: true,
    total: count?.total ?? 0,
    unread: count?.unread ?? 0,
  };
}
