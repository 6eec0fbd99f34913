import type { FilterInput, MessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useT } from '../../i18n/i18n-context';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { useToasts } from '../Toasts/toast-context';
import { FilterForm } from './filter-form';
import { useFilters } from './use-filters';
import './filter-editor.css';

/**
 * Thunderbird's "Create Filter from Message": the filter form, starting from the message's sender (its
 * address, named after the sender); saved among the account's filters, last.
 */
export function FilterFromMessage({ accountId, message, onClose }: { accountId: number; message: MessageSummary; onClose(): void }) {
  const client = useClient();
  const t = useT();
  const toasts = useToasts();
  const { folders, templates, busy, error, run } = useFilters(accountId);
  const save = async (filter: FilterInput) => {
    const saved = await run(client.request('filters.save', filter));
    if (saved === undefined) return;
    toasts.show({ tone: 'info', lines: [{ key: 'msgFilter.saved', values: { name: saved.name } }] });
    onClose();
  };
  const sender = message.from.address;
  return (
    <Dialog title={t('msgFilter.fromMessageTitle')} onClose={onClose} testId="filter-from-message">
      {error && <ErrorNotice error={error} />}
      <FilterForm
        accountId={accountId}
        filter={null}
        draft={{ name: message.from.name || sender, conditions: [{ field: 'from', operator: 'contains', text: sender }] }}
        folders={folders}
        templates={templates}
        busy={busy}
        onSave={(filter) => void save(filter)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
