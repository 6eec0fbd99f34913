import { MARK_READ_MODES, MAX_MARK_READ_DELAY_SECONDS, type MarkReadMode } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { SelectField } from '../Field';
import { NumberSetting } from './number-setting';

/** "Mark as read: when opened / after N seconds / never", with N editable when a delay is chosen (settings.json's app.markRead). */
export function MarkReadSetting() {
  const t = useT();
  const { settings, update } = useSettings();
  const setting = settings.app.markRead;
  const labels: Record<MarkReadMode, string> = {
    opened: t('markRead.opened'),
    delay: t('markRead.delay', { seconds: setting.delaySeconds }),
    never: t('markRead.never'),
  };
  return (
    <>
      <SelectField<MarkReadMode>
        label={t('markRead.label')}
        value={setting.mode}
        options={MARK_READ_MODES.map((value) => ({ value, label: labels[value] }))}
        onChange={(mode) => void update({ app: { markRead: { ...setting, mode } } })}
        testId="mark-read-mode"
      />
      {setting.mode === 'delay' && (
        <NumberSetting
          label={t('markRead.seconds')}
          value={setting.delaySeconds}
          min={1}
          max={MAX_MARK_READ_DELAY_SECONDS}
          onChange={(delaySeconds) => void update({ app: { markRead: { ...setting, delaySeconds } } })}
          testId="mark-read-delay"
        />
      )}
    </>
  );
}
