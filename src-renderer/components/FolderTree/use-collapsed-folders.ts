import { useCallback, useMemo } from 'react';
import { MAX_COLLAPSED_FOLDERS } from '../../../src-main/ipc/contract';
import { useSettings } from '../../settings/settings-context';

/** What is folded away in the folder pane: folders by id (app.foldersCollapsed), accounts by id, 0 for the Local Folders (app.accountsCollapsed). */
type Folded = 'foldersCollapsed' | 'accountsCollapsed';

/**
 * Which folders have their subfolders folded away (or which accounts their folders), kept in the settings so they
 * stay so after a restart, as Thunderbird keeps them; the latest folded are kept when there are too many to remember.
 */
export function useCollapsedFolders(kind: Folded = 'foldersCollapsed'): { collapsed: ReadonlySet<number>; toggle(id: number): void } {
  const { settings, update } = useSettings();
  const ids = settings.app[kind];
  const collapsed = useMemo(() => new Set(ids), [ids]);
  const toggle = useCallback(
    (id: number) => {
      const next = collapsed.has(id) ? ids.filter((each) => each !== id) : [...ids, id].slice(-MAX_COLLAPSED_FOLDERS);
      void update({ app: { [kind]: next } });
    },
    [collapsed, ids, kind, update],
  );
  return { collapsed, toggle };
}
