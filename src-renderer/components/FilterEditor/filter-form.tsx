import { useState } from 'react';
import { HEADER_NAME, MAX_PERIODIC_FILTER_MINUTES, MESSAGE_TAGS, type FilterCondition, type ForwardAs, type MessageSummary, type FilterInput, type FolderView, type MessageFilter, type MessageTag } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { folderTrail } from '../../i18n/folder-trail';
import { ConditionRow } from './condition-row';
import { TextField } from '../Field';
import { TAG_LOOKS } from '../TagChips';
import { NumberSetting } from '../Settings/number-setting';
import { useSettings } from '../../settings/settings-context';
import { cancelOnEscape } from '../Dialog/cancel-on-escape';

interface FilterFormProps {
  accountId: number;
  /** The filter being edited, or null for a new one. */
  filter: MessageFilter | null;
  /** A new filter's starting point (made from a message: its sender). */
  draft?: { name: string; conditions: FilterCondition[] };
  folders: FolderView[];
  /** What Reply with Template offers: the messages in Local Folders ▸ Templates. */
  templates: MessageSummary[];
  busy: boolean;
  onSave(filter: FilterInput): void;
  onCancel(): void;
}

/** One filter: its name, its conditions (all or any), and what it does to the messages that meet them. */
export function FilterForm({ accountId, filter, draft, folders, templates, busy, onSave, onCancel }: FilterFormProps) {
  const t = useT();
  const [name, setName] = useState(filter?.name ?? draft?.name ?? '');
  const [match, setMatch] = useState<'all' | 'any'>(filter?.match ?? 'all');
  const [conditions, setConditions] = useState<FilterCondition[]>(filter?.conditions ?? draft?.conditions ?? [{ field: 'from', operator: 'contains', text: '' }]);
  const [actions, setActions] = useState<Actions>(filter?.actions ?? NO_ACTIONS);
  const [runOn, setRunOn] = useState<MessageFilter['runOn']>(filter?.runOn ?? { newMail: true, afterSending: false, periodically: false });
  const filled = conditions.filter((condition) => condition.text.trim() !== '');
  const acts = actions.delete || actions.moveTo !== null || actions.copyTo !== null || actions.redirectTo !== null || actions.forwardTo !== null
    || actions.replyTemplate !== null || actions.markRead || actions.flag || actions.tag !== null;
  // A header condition names its header as mail writes it (no colon, no spaces): List-Id.
  const named = filled.every((condition) => condition.field !== 'header' || HEADER_NAME.test(condition.header?.trim() ?? ''));
  const ready = name.trim() !== '' && filled.length > 0 && named && acts;
  const setCondition = (index: number, changed: FilterCondition) => setConditions(conditions.map((c, i) => (i === index ? changed : c)));
  return (
    <form
      className="filter-form"
      data-testid="filter-form"
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onSave({ ...(filter && { id: filter.id, enabled: filter.enabled }), accountId, name: name.trim(), match, conditions: filled, actions, runOn });
      }}
    >
      <TextField label={t('msgFilter.name')} value={name} onChange={setName} testId="filter-name" />
      <label className="filter-form__match">
        {t('msgFilter.matchLabel')}{' '}
        <select value={match} onChange={(event) => setMatch(event.target.value as 'all' | 'any')} data-testid="filter-match">
          <option value="all">{t('msgFilter.matchAll')}</option>
          <option value="any">{t('msgFilter.matchAny')}</option>
        </select>
      </label>
      {conditions.map((condition, index) => (
        <ConditionRow key={index} condition={condition} onChange={(changed) => setCondition(index, changed)}
          onRemove={conditions.length > 1 ? () => setConditions(conditions.filter((_, i) => i !== index)) : undefined} />
      ))}
      <button type="button" className="filter-form__more" onClick={() => setConditions([...conditions, { field: 'subject', operator: 'contains', text: '' }])} data-testid="filter-add-condition">
        {t('msgFilter.addCondition')}
      </button>
      <FilterActionFields actions={actions} folders={folders} templates={templates} onChange={(change) => setActions({ ...actions, ...change })} />
      <RunOnFields runOn={runOn} onChange={(change) => setRunOn({ ...runOn, ...change })} />
      {!ready && <p className="settings__hint">{t('msgFilter.incomplete')}</p>}
      <div className="identity-form__actions">
        <button type="submit" className="primary" disabled={busy || !ready} data-testid="filter-save">{t('identity.save')}</button>
        <button type="button" onClick={onCancel} data-testid="filter-cancel">{t('identity.cancel')}</button>
      </div>
    </form>
  );
}

type Actions = MessageFilter['actions'];

const NO_ACTIONS: Actions = { moveTo: null, copyTo: null, redirectTo: null, forwardTo: null, forwardAs: 'inline', replyTemplate: null, markRead: false, flag: false, tag: null, delete: false };

interface ActionFieldsProps {
  actions: Actions;
  folders: FolderView[];
  templates: MessageSummary[];
  onChange(change: Partial<Actions>): void;
}

/** What the filter does: redirect, forward (inline or as an attachment), reply with a template, copy, move (or delete), mark read, star, tag. */
function FilterActionFields({ actions, folders, templates, onChange }: ActionFieldsProps) {
  const t = useT();
  return (
    <fieldset className="filter-form__actions">
      <legend>{t('msgFilter.then')}</legend>
      <label>
        {t('msgFilter.redirectTo')}{' '}
        <input type="email" value={actions.redirectTo ?? ''} placeholder={t('msgFilter.redirectPlaceholder')}
          onChange={(event) => onChange({ redirectTo: event.target.value.trim() || null })} data-testid="filter-redirect" />
      </label>
      <span className="filter-form__forward">
        <label>
          {t('msgFilter.forwardTo')}{' '}
          <input type="email" value={actions.forwardTo ?? ''} placeholder={t('msgFilter.forwardPlaceholder')}
            onChange={(event) => onChange({ forwardTo: event.target.value.trim() || null })} data-testid="filter-forward" />
        </label>
        <select aria-label={t('msgFilter.forwardAs')} value={actions.forwardAs} disabled={actions.forwardTo === null}
          onChange={(event) => onChange({ forwardAs: event.target.value as ForwardAs })} data-testid="filter-forward-as">
          <option value="inline">{t('msgFilter.forwardInline')}</option>
          <option value="attachment">{t('msgFilter.forwardAttachment')}</option>
        </select>
      </span>
      <label>
        {t('msgFilter.replyWith')}{' '}
        <select value={actions.replyTemplate ?? ''} onChange={(event) => onChange({ replyTemplate: event.target.value ? Number(event.target.value) : null })} data-testid="filter-reply">
          <option value="">{templates.length === 0 ? t('msgFilter.noTemplates') : t('msgFilter.noReply')}</option>
          {templates.map((template) => <option key={template.id} value={template.id}>{template.subject || t('messages.noSubject')}</option>)}
        </select>
      </label>
      <label>
        {t('msgFilter.copyTo')}{' '}
        <select value={actions.copyTo ?? ''} onChange={(event) => onChange({ copyTo: event.target.value ? Number(event.target.value) : null })} data-testid="filter-copy">
          <option value="">{t('msgFilter.noCopy')}</option>
          {folders.map((folder) => <option key={folder.id} value={folder.id}>{folderTrail(folder, folders, t)}</option>)}
        </select>
      </label>
      <label>
        {t('msgFilter.moveTo')}{' '}
        <select value={actions.moveTo ?? ''} disabled={actions.delete} onChange={(event) => onChange({ moveTo: event.target.value ? Number(event.target.value) : null })} data-testid="filter-move">
          <option value="">{t('msgFilter.noMove')}</option>
          {folders.map((folder) => <option key={folder.id} value={folder.id}>{folderTrail(folder, folders, t)}</option>)}
        </select>
      </label>
      <label className="settings__check">
        <input type="checkbox" checked={actions.delete} onChange={(event) => onChange({ delete: event.target.checked, ...(event.target.checked && { moveTo: null }) })} data-testid="filter-delete" />
        {t('msgFilter.delete')}
      </label>
      <label className="settings__check">
        <input type="checkbox" checked={actions.markRead} onChange={(event) => onChange({ markRead: event.target.checked })} data-testid="filter-read" />
        {t('msgFilter.markRead')}
      </label>
      <label className="settings__check">
        <input type="checkbox" checked={actions.flag} onChange={(event) => onChange({ flag: event.target.checked })} data-testid="filter-flag" />
        {t('msgFilter.flag')}
      </label>
      <label>
        {t('msgFilter.tag')}{' '}
        <select value={actions.tag ?? ''} onChange={(event) => onChange({ tag: (event.target.value || null) as MessageTag | null })} data-testid="filter-tag">
          <option value="">{t('msgFilter.noTag')}</option>
          {MESSAGE_TAGS.map((tag) => <option key={tag} value={tag}>{t(TAG_LOOKS[tag].label)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}

/**
 * Thunderbird's "Apply filter when": on new mail, after sending (on the Sent copy), periodically over the Inbox (every
 * so many minutes: the app's one period for all such filters), or, with none, only when run by hand.
 */
function RunOnFields({ runOn, onChange }: { runOn: MessageFilter['runOn']; onChange(change: Partial<MessageFilter['runOn']>): void }) {
  const t = useT();
  const { settings, update } = useSettings();
  return (
    <fieldset className="filter-form__actions" data-testid="filter-run-on">
      <legend>{t('msgFilter.runOnLegend')}</legend>
      <label className="settings__check">
        <input type="checkbox" checked={runOn.newMail} onChange={(event) => onChange({ newMail: event.target.checked })} data-testid="filter-on-new-mail" />
        {t('msgFilter.runOnNewMail')}
      </label>
      <label className="settings__check">
        <input type="checkbox" checked={runOn.afterSending} onChange={(event) => onChange({ afterSending: event.target.checked })} data-testid="filter-after-sending" />
        {t('msgFilter.runAfterSending')}
      </label>
      <label className="settings__check">
        <input type="checkbox" checked={runOn.periodically} onChange={(event) => onChange({ periodically: event.target.checked })} data-testid="filter-periodically" />
        {t('msgFilter.runPeriodically', { minutes: settings.app.periodicFilterMinutes })}
      </label>
      {runOn.periodically && (
        <NumberSetting label={t('msgFilter.periodMinutes')} value={settings.app.periodicFilterMinutes} min={1} max={MAX_PERIODIC_FILTER_MINUTES}
          onChange={(periodicFilterMinutes) => void update({ app: { periodicFilterMinutes } })} testId="filter-period-minutes" />
      )}
      {!runOn.newMail && !runOn.afterSending && !runOn.periodically && <p className="settings__hint">{t('msgFilter.runByHandOnly')}</p>}
    </fieldset>
  );
}
