import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type AccountView, type FilterInput, type FilterRunResult, type FolderView, type MessageFilter, type MessageSummary } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useI18n, useT } from '../../i18n/i18n-context';
import { folderTrail } from '../../i18n/folder-trail';
import { ErrorNotice } from '../ErrorNotice';
import { TAG_LOOKS } from '../TagChips';
import { FilterForm } from './filter-form';
import { conditionFieldWords, conditionValueWords, OPERATOR_LABELS } from './condition-labels';
import { useFilters } from './use-filters';
import { FilterLog } from './filter-log';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import './filter-editor.css';

/** What the form is open for: nothing, a new filter, or a saved one. */
type Editing = null | 'new' | number;

/**
 * An account's message filters (Thunderbird's Message Filters): listed in the order they run, each switched on
 * or off, edited, removed, or run now over the Inbox. New mail in the Inbox meets the enabled ones by itself.
 */
export function FilterEditor({ account }: { account: AccountView }) {
  const client = useClient();
  const { t, sentences } = useI18n();
  const { filters, folders, templates, busy, error, run, change } = useFilters(account.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [ran, setRan] = useState<FilterRunResult | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [removing, setRemoving] = useState<MessageFilter | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const inbox = folders.find((folder) => folder.role === 'inbox');
  const sent = folders.find((folder) => folder.role === 'sent' && folder.accountId === account.id);
  // "Run now" runs over the Inbox; a filter that runs only after sending, over the Sent folder.
  const runsOver = (filter?: MessageFilter) => (filter && !filter.runOn.newMail && filter.runOn.afterSending ? sent : inbox);

  // The focus was in the form, gone now: to the Add button back in its place, where Escape still reaches Settings.
  const closeForm = () => {
    flushSync(() => setEditing(null));
    addButton.current?.focus();
  };
  const save = async (filter: FilterInput) => {
    if ((await run(client.request('filters.save', filter))) !== undefined) closeForm();
  };
  const runNow = async (filter?: MessageFilter) => {
    const over = runsOver(filter);
    if (!over) return;
    setRan((await run(client.request('filters.run', { folderId: over.id, ...(filter && { filterId: filter.id }) }))) ?? null);
  };
  const remove = async (filter: MessageFilter) => {
    // A run's counts speak of the filters as they were: once one is gone they no longer match the list shown.
    if ((await run(client.request('filters.remove', { filterId: filter.id }))) !== undefined) setRan(null);
  };
  const current = typeof editing === 'number' ? (filters.find((filter) => filter.id === editing) ?? null) : null;

  return (
    <div className="filter-editor" data-testid={`account-${account.id}-filters`}>
      <p className="settings__label">{t('msgFilter.title')}</p>
      {filters.length === 0 && <p className="settings__hint">{t('msgFilter.none')}</p>}
      <ul className="identity-editor__list">
        {filters.map((filter, index) => (
          <li key={filter.id} data-testid="filter-row">
            <label className="settings__check filter-editor__on" title={t('msgFilter.enabled')}>
              <input type="checkbox" checked={filter.enabled} disabled={busy} aria-label={t('msgFilter.enabled')}
                onChange={(event) => void change(filter, { enabled: event.target.checked })} data-testid="filter-enabled" />
            </label>
            <span className="identity-editor__who">
              <span>{filter.name}</span>
              <span className="filter-editor__summary">{summary(filter, folders, templates, t)}</span>
            </span>
            <span className="identity-editor__buttons">
              <button type="button" aria-label={t('msgFilter.up')} title={t('msgFilter.up')} onClick={() => void run(client.request('filters.move', { filterId: filter.id, direction: 'up' }))}
                disabled={busy || index === 0} data-testid="filter-up">↑</button>
              <button type="button" aria-label={t('msgFilter.down')} title={t('msgFilter.down')} onClick={() => void run(client.request('filters.move', { filterId: filter.id, direction: 'down' }))}
                disabled={busy || index === filters.length - 1} data-testid="filter-down">↓</button>
              <button type="button" onClick={() => void runNow(filter)} disabled={busy || !runsOver(filter)} data-testid="filter-run">{t('msgFilter.runOne')}</button>
              <button type="button" onClick={() => setEditing(filter.id)} disabled={busy} data-testid="filter-edit">{t('identity.edit')}</button>
              <button type="button" onClick={() => setRemoving(filter)} disabled={busy} data-testid="filter-remove">
                {t('identity.remove')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {ran && <p className="settings__hint" role="status" data-testid="filter-ran">{sentences(ranWords(ran, t))}</p>}
      {error && <ErrorNotice error={error} />}
      {editing === null ? (
        <span className="filter-editor__bottom">
          <button type="button" ref={addButton} onClick={() => setEditing('new')} data-testid="filter-add">{t('msgFilter.add')}</button>
          {filters.length > 0 && inbox && <button type="button" onClick={() => void runNow()} disabled={busy} data-testid="filter-run-all">{t('msgFilter.runAll')}</button>}
          <button type="button" aria-expanded={showLog} onClick={() => setShowLog(!showLog)} data-testid="filter-log-toggle">{t(showLog ? 'msgFilter.hideLog' : 'msgFilter.log')}</button>
        </span>
      ) : (
        <FilterForm key={String(editing)} accountId={account.id} filter={current} folders={folders} templates={templates} busy={busy} onSave={(filter) => void save(filter)} onCancel={closeForm} />
      )}
      {showLog && <FilterLog accountId={account.id} readAfter={ran} />}
      {removing && (
        <ConfirmDialog title={t('msgFilter.removeTitle', { name: removing.name })} text={t('msgFilter.removeText')} confirmLabel={t('identity.remove')}
          onConfirm={() => void remove(removing)} onClose={() => setRemoving(null)} />
      )}
    </div>
  );
}

/**
 * What "Run now" did: matched and moved, and the copies, the redirects, the forwards and the messages it could not read
 * when there were any; and the filters whose folder is gone, which did nothing and are turned off now.
 */
function ranWords(ran: FilterRunResult, t: ReturnType<typeof useT>): string[] {
  const words = [ran.copied > 0 ? t('msgFilter.ranCopied', { matched: ran.matched, moved: ran.moved, copied: ran.copied }) : t('msgFilter.ran', { matched: ran.matched, moved: ran.moved })];
  if (ran.redirected > 0) words.push(t('msgFilter.ranRedirected', { count: ran.redirected }));
  if (ran.redirectsFailed > 0) words.push(t('msgFilter.redirectsFailed', { count: ran.redirectsFailed }));
  if (ran.forwarded > 0) words.push(t('msgFilter.ranForwarded', { count: ran.forwarded }));
  if (ran.forwardsFailed > 0) words.push(t('msgFilter.forwardsFailed', { count: ran.forwardsFailed }));
  if (ran.replied > 0) words.push(t('msgFilter.ranReplied', { count: ran.replied }));
  if (ran.repliesFailed > 0) words.push(t('msgFilter.repliesFailed', { count: ran.repliesFailed }));
  if (ran.unreadable > 0) words.push(t('msgFilter.unreadable', { count: ran.unreadable }));
  if (ran.missingFolders.length > 0) words.push(t('msgFilter.ranFolderGone', { count: ran.missingFolders.length }));
  return words;
}

/** "From contains x and subject begins with y → Move to Lists, Mark read" in the user's language. */
function summary(filter: MessageFilter, folders: FolderView[], templates: MessageSummary[], t: ReturnType<typeof useT>): string {
  const conditions = filter.conditions.map((c) => `${conditionFieldWords(c, t)} ${t(OPERATOR_LABELS[c.operator])} ${conditionValueWords(c, t)}`).join(filter.match === 'all' ? t('msgFilter.and') : t('msgFilter.or'));
  const { actions } = filter;
  const named = (id: number) => {
    const target = folders.find((folder) => folder.id === id);
    return target ? folderTrail(target, folders, t) : t('msgFilter.folderGone');
  };
  const doing = [
    actions.redirectTo !== null && `${t('msgFilter.redirectTo')} ${actions.redirectTo}`,
    actions.forwardTo !== null && `${t('msgFilter.forwardTo')} ${actions.forwardTo}${actions.forwardAs === 'attachment' ? t('msgFilter.forwardAttachedNote') : ''}`,
    actions.replyTemplate !== null && `${t('msgFilter.replyWith')} “${templates.find((m) => m.id === actions.replyTemplate)?.subject ?? t('msgFilter.templateGone')}”`,
    actions.copyTo !== null && `${t('msgFilter.copyTo')} ${named(actions.copyTo)}`,
    actions.moveTo !== null && `${t('msgFilter.moveTo')} ${named(actions.moveTo)}`,
    actions.delete && t('msgFilter.delete'),
    actions.markRead && t('msgFilter.markRead'),
    actions.flag && t('msgFilter.flag'),
    actions.tag && `${t('msgFilter.tag')} ${t(TAG_LOOKS[actions.tag].label)}`,
  ].filter(Boolean);
  return `${conditions} → ${doing.join(t('list.separator'))}${whenWords(filter.runOn, t)}`;
}

/** When a filter runs by itself, said after its actions: nothing for the usual (on new mail only). */
function whenWords({ newMail, afterSending, periodically }: MessageFilter['runOn'], t: ReturnType<typeof useT>): string {
  if (newMail && !afterSending && !periodically) return '';
  const moments = [newMail && t('msgFilter.whenNewMail'), afterSending && t('msgFilter.whenAfterSending'), periodically && t('msgFilter.whenPeriodically')].filter(Boolean);
  return t('msgFilter.whenNote', { when: moments.length > 0 ? moments.join(t('list.separator')) : t('msgFilter.whenByHand') });
}
