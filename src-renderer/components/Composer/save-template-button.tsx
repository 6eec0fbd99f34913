import { useState } from 'react';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { useToasts } from '../Toasts/toast-context';
import { toComposed, type ComposerState } from './composer-state';

/** Thunderbird's File ▸ Save As ▸ Template: the message as it stands, kept in Local Folders ▸ Templates; writing goes on. */
export function SaveTemplateButton({ state }: { state: ComposerState }) {
  const t = useT();
  const client = useClient();
  const toasts = useToasts();
  const [saving, setSaving] = useState(false);
  const save = () => {
    setSaving(true);
    client.request('templates.save', toComposed(state)).then(
      () => toasts.show({ tone: 'info', lines: [{ key: 'compose.templateSaved' }] }),
      (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }),
    ).finally(() => setSaving(false));
  };
  return (
    <button type="button" onClick={save} disabled={saving} data-testid="compose-save-template">
      {t('compose.saveTemplate')}
    </button>
  );
}
