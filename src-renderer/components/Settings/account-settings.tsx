import type { AccountView } from '../../../src-main/ipc/contract';
import { accountSettings, ARCHIVE_GRANULARITIES, BODY_DOWNLOAD_MODES, REPLY_POSITIONS, type ArchiveGranularity, type BodyDownload, type ReplyPosition } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { SelectField } from '../Field';
import { IdentityEditor } from '../IdentityEditor';
import { FilterEditor } from '../FilterEditor';
import { CheckSetting, NumberSetting } from './number-setting';
import type { AccountDialogState } from '../AccountDialogs/account-dialog-state';

type BodyMode = BodyDownload['mode'];
const DEFAULT_RECENT_DAYS = 30;

interface AccountSettingsProps {
  account: AccountView;
  /** Opens the folder pane's account dialogs (edit, remove) over the settings. */
  onAccountDialog(dialog: AccountDialogState): void;
}

/**
 * One account's settings: its server and password and its removal (the account menu's dialogs, found here too, as
 * in Thunderbird's Account Settings), how often to check, which bodies to keep offline and how Archive files mail
 * (IMAP), where replies start, the Sent copy, its identities and signatures, its filters.
 */
export function AccountSettings({ account, onAccountDialog }: AccountSettingsProps) {
  const t = useT();
  const { settings, update } = useSettings();
  const mine = accountSettings(settings, account.id);
  const save = (fields: Partial<typeof mine>) => update({ accounts: { [String(account.id)]: fields } });
  const labels: Record<BodyMode, string> = { all: t('settings.bodyAll'), recent: t('settings.bodyRecent'), onDemand: t('settings.bodyOnDemand') };
  const testId = (name: string) => `account-${account.id}-${name}`;
  return (
    <fieldset className="settings__account" data-testid={testId('settings')}>
      <legend>{account.name}</legend>
      <div className="settings__account-actions">
        <button type="button" onClick={() => onAccountDialog({ kind: 'edit', account })} data-testid={testId('edit')}>
          {t('settings.accountServer')}
        </button>
        <button type="button" onClick={() => onAccountDialog({ kind: 'remove', account })} data-testid={testId('remove')}>
          {t('accountMenu.remove')}
        </button>
      </div>
      <NumberSetting
        label={t('settings.checkInterval')}
        value={mine.checkIntervalMinutes}
        min={1}
        max={24 * 60}
        onChange={(checkIntervalMinutes) => save({ checkIntervalMinutes })}
        testId={testId('interval')}
      />
      {account.protocol === 'imap' && (
        // A POP3 check downloads each message whole (past the account's size limit its beginning, the rest when opened): IMAP's choice does not apply.
        <SelectField<BodyMode>
          label={t('settings.bodyDownload')}
          value={mine.bodyDownload.mode}
          options={BODY_DOWNLOAD_MODES.map((value) => ({ value, label: labels[value] }))}
          onChange={(mode) => save({ bodyDownload: mode === 'recent' ? { mode, days: DEFAULT_RECENT_DAYS } : { mode } })}
          testId={testId('bodies')}
        />
      )}
      {account.protocol === 'imap' && mine.bodyDownload.mode === 'recent' && (
        <NumberSetting
          label={t('settings.bodyDays')}
          value={mine.bodyDownload.days}
          min={1}
          max={3650}
          onChange={(days) => save({ bodyDownload: { mode: 'recent', days } })}
          testId={testId('days')}
        />
      )}
      {account.protocol === 'imap' && (
        // A POP3 account's Archives, kept here, takes everything: it has no yearly or monthly subfolders.
        <SelectField<ArchiveGranularity>
          label={t('settings.archiveGranularity')}
          value={mine.archiveGranularity}
          options={ARCHIVE_GRANULARITIES.map((value) => ({ value, label: t(`settings.archive.${value}`, archiveExample(new Date())) }))}
          onChange={(archiveGranularity) => save({ archiveGranularity })}
          testId={testId('archive')}
        />
      )}
      <SelectField<ReplyPosition>
        label={t('settings.replyPosition')}
        value={mine.replyPosition}
        options={REPLY_POSITIONS.map((value) => ({ value, label: t(`settings.reply.${value}`) }))}
        onChange={(replyPosition) => save({ replyPosition })}
        testId={testId('reply-position')}
      />
      <CheckSetting label={t('settings.saveSentCopy')} checked={mine.saveSentCopy} onChange={(saveSentCopy) => save({ saveSentCopy })} testId={testId('sent-copy')} />
      <IdentityEditor account={account} />
      <FilterEditor account={account} />
    </fieldset>
  );
}

/** The folders this month's mail would go to, as the choice's example (Archive/2026/2026-12), as the core names them. */
function archiveExample(now: Date): { year: string; month: string } {
  const year = String(now.getFullYear());
  return { year, month: `${year}-${String(now.getMonth() + 1).padStart(2, '0')}` };
}
