import { useCallback, useEffect, useState } from 'react';
import { isTemplatesFolder, type FolderView, type MessageFilter, type MessageSummary } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';

/** How many templates the Reply with Template list offers from each folder of templates (the account's own, Local Folders ▸ Templates), newest first. */
const TEMPLATES_LISTED = 200;

/**
 * An account's filters, folders and the templates a filter may reply with, as the core lists them, and `run` for
 * a change: busy while it runs, its error kept, the filters read again after it.
 */
export function useFilters(accountId: number) {
  const client = useClient();
  const [filters, setFilters] = useState<MessageFilter[]>([]);
  const [folders, setFolders] = useState<FolderView[]>([]);
  const [templates, setTemplates] = useState<MessageSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const load = useCallback(
    () =>
      // A filter moves mail within its account or into the local folders (see MessageFilters.save).
      Promise.all([client.request('filters.list', { accountId }), client.request('folders.list', { accountId }), client.request('folders.list', { accountId: null })]).then(
        async ([filters, folders, local]) => {
          setFilters(filters);
          setFolders([...folders, ...local]);
          const kept = [...folders, ...local].filter(isTemplatesFolder);
          const pages = await Promise.all(kept.map((folder) => client.request('messages.list', { folderId: folder.id, limit: TEMPLATES_LISTED })));
          setTemplates(pages.flatMap((page) => page.items));
        },
        (failure: unknown) => setError(toErrorShape(failure)),
      ),
    [client, accountId],
  );
  useEffect(() => void load(), [load]);

  /** Runs a change; resolves with its result once done and the list read again, or undefined when it failed (the error is shown). */
  const run = async <T,>(work: Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await work;
      await load();
      return result;
    } catch (failure) {
      setError(toErrorShape(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /**
   * Shows a filter with `fields` changed at once (a switch must not spring back while the core answers), then
   * saves it; a refusal shows the error and the saved filters again.
   */
  const change = async (filter: MessageFilter, fields: Partial<MessageFilter>) => {
    setFilters((current) => current.map((f) => (f.id === filter.id ? { ...f, ...fields } : f)));
    const { position: _position, ...input } = { ...filter, ...fields };
    if ((await run(client.request('filters.save', input))) === undefined) await load();
  };
  return { filters, folders, templates, busy, error, run, change };
}
