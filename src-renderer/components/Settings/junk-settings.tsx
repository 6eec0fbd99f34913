import { useState } from 'react';
import { JUNK_FILTER_MODES, type JunkFilterMode } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useRequest } from '../../hooks/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { SelectField } from '../Field';
import { useToasts } from '../Toasts/toast-context';

/** Thunderbird's Junk settings: what the adaptive filter does with new mail, what it learnt, and its Reset Training Data. */
export function JunkSettings() {
  const { t, sentences } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const { settings, update } = useSettings();
  const status = useRequest('junk.status', {});
  const [confirming, setConfirming] = useState(false);
  const labels: Record<JunkFilterMode, string> = { mark: t('settings.junkMark'), move: t('settings.junkMove'), off: t('settings.junkOff') };
  const reset = () =>
    client.request('junk.reset', {}).then(status.reload, (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }));
  const learnt = status.data;
  return (
    <section>
      <h3>{t('settings.junk')}</h3>
      <SelectField<JunkFilterMode>
        label={t('settings.junkFilter')}
        value={settings.app.junkFilter}
        options={JUNK_FILTER_MODES.map((value) => ({ value, label: labels[value] }))}
        onChange={(junkFilter) => void update({ app: { junkFilter } })}
        testId="settings-junk-filter"
      />
      {learnt && (
        <p className="settings__hint" data-testid="settings-junk-status">
          {sentences([t('settings.junkTrained', { junk: learnt.junk, good: learnt.good }), ...(learnt.ready ? [] : [t('settings.junkUntrained')])])}
        </p>
      )}
      <button type="button" className="settings__action" onClick={() => setConfirming(true)} disabled={!learnt || (learnt.junk === 0 && learnt.good === 0)} data-testid="settings-junk-reset">
        {t('settings.junkReset')}
      </button>
      {confirming && (
        <ConfirmDialog title={t('settings.junkReset')} text={t('settings.junkResetText')} confirmLabel={t('settings.junkReset')} onConfirm={() => void reset()} onClose={() => setConfirming(false)} />
      )}
    </section>
  );
}
