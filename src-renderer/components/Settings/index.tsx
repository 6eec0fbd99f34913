import type { AccountView } from '../../../src-main/ipc/contract';
import {
  BODY_VIEWS, MAX_UNDO_SEND_SECONDS, REMOTE_CONTENT_POLICIES, THEMES, type BodyView, type RemoteContentPolicy, type Theme,
} from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useI18n } from '../../i18n/i18n-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../i18n/language';
import { useSettings } from '../../settings/settings-context';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { SelectField } from '../Field';
import { MarkReadSetting } from './mark-read-setting';
import { LayoutSettings } from './layout-settings';
import { ReceiptSettings } from './receipt-settings';
import { JunkSettings } from './junk-settings';
import { AccountSettings } from './account-settings';
import { CheckSetting, NumberSetting } from './number-setting';
import type { AccountDialogState } from '../AccountDialogs/account-dialog-state';
import './settings.css';

type LanguageChoice = Language | 'system';

/** The settings screen: every change is saved at once and takes effect at once (no Save button, no restart). */
export function SettingsScreen({ accounts, onClose, onAccountDialog }: { accounts: AccountView[]; onClose(): void; onAccountDialog(dialog: AccountDialogState): void }) {
  const { t, setLanguage } = useI18n();
  const client = useClient();
  const { settings, problems, error, update } = useSettings();
  const app = settings.app;
  const languageLabels: Record<LanguageChoice, string> = { system: t('settings.languageSystem'), ...LANGUAGE_NAMES };
  const themeLabels: Record<Theme, string> = { system: t('settings.themeSystem'), light: t('settings.themeLight'), dark: t('settings.themeDark') };
  const remoteLabels: Record<RemoteContentPolicy, string> = {
    blocked: t('settings.remoteBlocked'),
    ask: t('settings.remoteAsk'),
    allowList: t('settings.remoteAllowList'),
  };
  const bodyLabels: Record<BodyView, string> = { html: t('settings.bodyAsHtml'), plain: t('settings.bodyAsPlain') };
  const chooseLanguage = (choice: LanguageChoice) => {
    if (choice !== 'system') setLanguage(choice);
    void update({ app: { language: choice === 'system' ? null : choice } });
  };
  return (
    <Dialog title={t('settings.title')} onClose={onClose} testId="settings" wide>
      <div className="settings">
        {problems.length > 0 && (
          <div className="settings__problems" role="status" data-testid="settings-problems">
            <p>{t('settings.problems')}</p>
            <ul>{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
          </div>
        )}
        {error && <ErrorNotice error={error} />}
        <section>
          <h3>{t('settings.general')}</h3>
          <SelectField<LanguageChoice>
            label={t('language.label')}
            value={app.language ?? 'system'}
            options={(['system', ...LANGUAGES] as const).map((value) => ({ value, label: languageLabels[value] }))}
            onChange={chooseLanguage}
            testId="settings-language"
          />
          <SelectField<Theme>
            label={t('settings.theme')}
            value={app.theme}
            options={THEMES.map((value) => ({ value, label: themeLabels[value] }))}
            onChange={(theme) => void update({ app: { theme } })}
            testId="settings-theme"
          />
          <CheckSetting label={t('settings.notifications')} checked={app.notifications} onChange={(notifications) => void update({ app: { notifications } })} testId="settings-notifications" />
          <NumberSetting
            label={t('settings.undoSend')}
            value={app.undoSendSeconds}
            min={0}
            max={MAX_UNDO_SEND_SECONDS}
            onChange={(undoSendSeconds) => void update({ app: { undoSendSeconds } })}
            testId="settings-undo-send"
          />
          <CheckSetting
            label={t('settings.attachmentReminder')}
            checked={app.attachmentReminder}
            onChange={(attachmentReminder) => void update({ app: { attachmentReminder } })}
            testId="settings-attachment-reminder"
          />
          <LayoutSettings />
          <MarkReadSetting />
          {/* Thunderbird's View ▸ Threads ▸ Ignored Threads; also the list's own Show / Hide where it hides some. */}
          <CheckSetting
            label={t('settings.showIgnoredThreads')}
            checked={app.showIgnoredThreads}
            onChange={(showIgnoredThreads) => void update({ app: { showIgnoredThreads } })}
            testId="settings-show-ignored"
          />
        </section>
        <section>
          <h3>{t('settings.privacy')}</h3>
          <SelectField<BodyView>
            label={t('settings.bodyAs')}
            value={app.bodyAs}
            options={BODY_VIEWS.map((value) => ({ value, label: bodyLabels[value] }))}
            onChange={(bodyAs) => void update({ app: { bodyAs } })}
            testId="settings-body-as"
          />
          <SelectField<RemoteContentPolicy>
            label={t('settings.remoteContent')}
            value={app.remoteContent}
            options={REMOTE_CONTENT_POLICIES.map((value) => ({ value, label: remoteLabels[value] }))}
            onChange={(remoteContent) => void update({ app: { remoteContent } })}
            testId="settings-remote"
          />
          <ReceiptSettings />
          <p className="settings__label">{t('settings.allowedSenders')}</p>
          {app.remoteContentSenders.length === 0 ? (
            <p className="settings__hint">{t('settings.noAllowedSenders')}</p>
          ) : (
            <ul className="settings__senders" data-testid="settings-senders">
              {app.remoteContentSenders.map((sender) => (
                <li key={sender}>
                  <span>{sender}</span>
                  <button type="button" onClick={() => void update({ app: { remoteContentSenders: app.remoteContentSenders.filter((s) => s !== sender) } })}>
                    {t('settings.removeSender')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <JunkSettings />
        {client.mode === 'electron' && (
          <section>
            <h3>{t('settings.desktop')}</h3>
            <CheckSetting label={t('settings.closeToTray')} checked={app.closeToTray} onChange={(closeToTray) => void update({ app: { closeToTray } })} testId="settings-close-to-tray" />
            <CheckSetting label={t('settings.startAtLogin')} checked={app.startAtLogin} onChange={(startAtLogin) => void update({ app: { startAtLogin } })} testId="settings-start-at-login" />
          </section>
        )}
        {accounts.length > 0 && (
          <section>
            <h3>{t('settings.accounts')}</h3>
            {accounts.map((account) => (
              <AccountSettings key={account.id} account={account} onAccountDialog={onAccountDialog} />
            ))}
          </section>
        )}
      </div>
    </Dialog>
  );
}
