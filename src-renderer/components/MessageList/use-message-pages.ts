import { useEffect, useMemo, useState } from 'react';
import { useClient } from '../../client/client-context';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { MessagePages } from './message-pages';

/** The open folder's pages; another folder starts afresh. */
export function useMessagePages(folderId: number | null): MessagePages | null {
  const client = useClient();
  const [, setVersion] = useState(0);
  const pages = useMemo(
    () => (folderId === null ? null : new MessagePages(client, folderId, () => setVersion((version) => version + 1))),
    [client, folderId],
  );
  useEffect(() => pages?.showRows(0, 0), [pages]);
  useClientEvent('store.changed', ({ changes }) => {
    if (changes.some((change) => change.entity === 'messages' && change.folderId === folderId)) pages?.refresh();
  });
  useOnReconnect(() => pages?.refresh());
  return pages;
}
