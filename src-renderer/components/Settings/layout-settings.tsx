import { MAIL_LAYOUTS, type MailLayout } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { SelectField } from '../Field';
import { CheckSetting } from './number-setting';

/** Thunderbird's View ▸ Layout: the panes side by side or the message under the list, the message pane itself (F8), and what a message window does once its message leaves. */
export function LayoutSettings() {
  const t = useT();
  const { settings, update } = useSettings();
  const labels: Record<MailLayout, string> = { vertical: t('settings.layoutVertical'), classic: t('settings.layoutClassic'), wide: t('settings.layoutWide') };
  return (
    <>
      <SelectField<MailLayout>
        label={t('settings.layout')}
        value={settings.app.layout}
        options={MAIL_LAYOUTS.map((value) => ({ value, label: labels[value] }))}
        onChange={(layout) => void update({ app: { layout } })}
        testId="settings-layout"
      />
      <CheckSetting label={t('settings.messagePane')} checked={settings.app.messagePane} onChange={(messagePane) => void update({ app: { messagePane } })} testId="settings-message-pane" />
      <CheckSetting
        label={t('settings.closeMessageWindowOnMove')}
        checked={settings.app.closeMessageWindowOnMove}
        onChange={(closeMessageWindowOnMove) => void update({ app: { closeMessageWindowOnMove } })}
        testId="settings-close-window-on-move"
      />
    </>
  );
}
