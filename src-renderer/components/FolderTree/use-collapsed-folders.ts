import { useCallback, useMemo } from 'react';
import { MAX_COLLAPSED_FOLDERS } from '../../../src-main/ipc/contract';
import { useSettings } from '../../settings/settings-context';

/**
 * Which folders have their subfolders folded away, kept in the settings (app.foldersCollapsed) so they stay so
 * after a restart, as Thunderbird keeps them; the latest folded are kept when there are too many to remember.
 */
export function useCollapsedFolders(): { collapsed: ReadonlySet<number>; toggle(folderId: number): void } {
  const { settings, update } = useSettings();
  const ids = settings.app.foldersCollapsed;
  const collapsed = useMemo(() => new Set(ids), [ids]);
  const toggle = useCallback(
    (folderId: number) => {
      const next = collapsed.has(folderId) ? ids.filter((id) => id !== folderId) : [...ids, folderId].slice(-MAX_COLLAPSED_FOLDERS);
      void update({ app: { foldersCollapsed: next } });
    },
    [collapsed, ids, update],
  );
  return { collapsed, toggle };
}
