import { describe, expect, it } from 'vitest';
import { MAX_FOLDERS_WITH_TURNED_THREADS, MAX_SAVED_TURNED_THREADS } from '../../../src-main/ipc/contract';
import { foldSettingsWith, savedFoldsOf } from '../../../src-renderer/components/MessageList/saved-thread-folds';

const none = { threadsCollapsedIn: [], threadsTurnedIn: [] };

describe('thread folds in the settings (threadsCollapsedIn, threadsTurnedIn)', () => {
  it('reads a folder\'s default and its threads turned by hand; a folder never turned has neither', () => {
    const app = { threadsCollapsedIn: [4], threadsTurnedIn: [{ folderId: 4, turned: [9] }, { folderId: 5, turned: [2, 3] }] };
    expect(savedFoldsOf(app, 4)).toEqual({ collapseAll: true, turned: [9] });
    expect(savedFoldsOf(app, 5)).toEqual({ collapseAll: false, turned: [2, 3] });
    expect(savedFoldsOf(app, 6)).toEqual({ collapseAll: false, turned: [] });
  });

  it('writes the folder last in each field, drops it where it has nothing, and is null when nothing changes', () => {
    const app = { threadsCollapsedIn: [4, 5], threadsTurnedIn: [{ folderId: 4, turned: [9] }, { folderId: 5, turned: [2] }] };
    expect(foldSettingsWith(app, 4, { collapseAll: true, turned: [9, 10] })).toEqual({
      threadsCollapsedIn: [5, 4], threadsTurnedIn: [{ folderId: 5, turned: [2] }, { folderId: 4, turned: [9, 10] }],
    });
    expect(foldSettingsWith(app, 4, { collapseAll: false, turned: [] })).toEqual({ threadsCollapsedIn: [5], threadsTurnedIn: [{ folderId: 5, turned: [2] }] });
    expect(foldSettingsWith(app, 4, { collapseAll: true, turned: [9] })).toBeNull();
    expect(foldSettingsWith(none, 7, { collapseAll: false, turned: [] })).toBeNull();
  });

  it('keeps within the bounds, forgetting the threads and the folders turned longest ago', () => {
    const many = Array.from({ length: MAX_SAVED_TURNED_THREADS + 5 }, (_, at) => at + 1);
    expect(foldSettingsWith(none, 1, { collapseAll: false, turned: many })!.threadsTurnedIn[0]!.turned).toEqual(many.slice(5));
    const full = { threadsCollapsedIn: [], threadsTurnedIn: Array.from({ length: MAX_FOLDERS_WITH_TURNED_THREADS }, (_, at) => ({ folderId: at + 1, turned: [1] })) };
    const next = foldSettingsWith(full, 9999, { collapseAll: false, turned: [1] })!.threadsTurnedIn;
    expect(next).toHaveLength(MAX_FOLDERS_WITH_TURNED_THREADS);
    expect(next[0]!.folderId).toBe(2);
    expect(next.at(-1)!.folderId).toBe(9999);
  });
});
