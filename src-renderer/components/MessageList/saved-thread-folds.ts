import {
  MAX_FOLDERS_WITH_THREADS_COLLAPSED, MAX_FOLDERS_WITH_TURNED_THREADS, MAX_SAVED_TURNED_THREADS, type AppSettings,
} from '../../../src-main/ipc/contract';

/** A folder's threads as the settings keep them: its default, and the threads turned the other way by hand. */
export interface SavedFolds {
  collapseAll: boolean;
  turned: number[];
}

type FoldSettings = Pick<AppSettings, 'threadsCollapsedIn' | 'threadsTurnedIn'>;

/** What the settings keep for `folderId`. */
export function savedFoldsOf(app: FoldSettings, folderId: number): SavedFolds {
  return {
    collapseAll: app.threadsCollapsedIn.includes(folderId),
    turned: app.threadsTurnedIn.find((entry) => entry.folderId === folderId)?.turned ?? [],
  };
}

/**
 * The settings' fields with `folderId` kept as `folds` says, the folder last in each (the first ones are
 * forgotten past the bounds, as the least recently turned); null when they keep it so already.
 */
export function foldSettingsWith(app: FoldSettings, folderId: number, folds: SavedFolds): FoldSettings | null {
  const saved = savedFoldsOf(app, folderId);
  if (saved.collapseAll === folds.collapseAll && sameIds(saved.turned, folds.turned)) return null;
  const collapsedIn = app.threadsCollapsedIn.filter((id) => id !== folderId);
  const turnedIn = app.threadsTurnedIn.filter((entry) => entry.folderId !== folderId);
  if (folds.collapseAll) collapsedIn.push(folderId);
  if (folds.turned.length > 0) turnedIn.push({ folderId, turned: folds.turned.slice(-MAX_SAVED_TURNED_THREADS) });
  return {
    threadsCollapsedIn: collapsedIn.slice(-MAX_FOLDERS_WITH_THREADS_COLLAPSED),
    threadsTurnedIn: turnedIn.slice(-MAX_FOLDERS_WITH_TURNED_THREADS),
  };
}

export function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, at) => id === b[at]);
}
