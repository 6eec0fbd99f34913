import { useT } from '../../i18n/i18n-context';
import { MARK_READ_MODES, saveMarkReadSetting, type MarkReadMode } from '../../settings/mark-read-setting';
import { useMarkReadSetting } from '../../settings/use-mark-read-setting';
import { SelectField, TextField } from '../Field';

/** "Mark as read: when opened / after N seconds / never", with N editable when a delay is chosen. */
export function MarkReadSetting() {
  const t = useT();
  const setting = useMarkReadSetting();
  const labels: Record<MarkReadMode, string> = {
    opened: t('markRead.opened'),
    delay: t('markRead.delay', { seconds: setting.delaySeconds }),
    never: t('markRead.never'),
  };
  const options = MARK_READ_MODES.map((value) => ({ value, label: labels[value] }));
  return (
    <div className="mark-read-setting">
      <SelectField<MarkReadMode>
        label={t('markRead.label')}
        value={setting.mode}
        options={options}
        onChange={(mode) => saveMarkReadSetting({ ...setting, mode })}
        testId="mark-read-mode"
      />
      {setting.mode === 'delay' && (
        <TextField
          label={t('markRead.seconds')}
          type="number"
          value={String(setting.delaySeconds)}
          onChange={(value) => value !== '' && saveMarkReadSetting({ ...setting, delaySeconds: Number(value) })}
          testId="mark-read-delay"
        />
      )}
    </div>
  );
}
