import { useEffect, useState } from 'react';
import { useClient } from '../../client/client-context';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { MessagePages } from './message-pages';

/** One folder's pages; the component using it is keyed by folder, so a new folder starts afresh. */
export function useMessagePages(folderId: number): MessagePages {
  const client = useClient();
  const [, setVersion] = useState(0);
  const [pages] = useState(() => new MessagePages(client, folderId, () => setVersion((version) => version + 1)));
  useEffect(() => pages.showRows(0, 0), [pages]);
  useClientEvent('store.changed', ({ changes }) => {
    if (changes.some((change) => change.entity === 'messages' && change.folderId === folderId)) pages.refresh();
  });
  useOnReconnect(() => pages.refresh());
  return pages;
}
