import { useState } from 'react';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { useToasts } from '../Toasts/toast-context';
import { toComposed, type ComposerState } from './composer-state';

/**
 * Thunderbird's File ▸ Save As ▸ Template: the message as it stands, kept in the account's Templates folder (or Local
 * Folders ▸ Templates when it has none); writing goes on. Editing a template (Edit Template), it is Save Template: the new version replaces the template, and the
 * composer closes (`onReplaced`: its draft copy is discarded, the template being where the work went).
 */
export function SaveTemplateButton({ state, onReplaced }: { state: ComposerState; onReplaced(): void }) {
  const t = useT();
  const client = useClient();
  const toasts = useToasts();
  const [saving, setSaving] = useState(false);
  const save = () => {
    setSaving(true);
    client.request('templates.save', toComposed(state)).then(
      ({ replaced, inAccount }) => {
        toasts.show({ tone: 'info', lines: [{ key: replaced ? 'compose.templateReplaced' : inAccount ? 'compose.templateSavedInAccount' : 'compose.templateSaved' }] });
        if (replaced) onReplaced();
      },
      (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }),
    ).finally(() => setSaving(false));
  };
  return (
    <button type="button" onClick={save} disabled={saving} data-testid="compose-save-template">
      {t(state.origin?.kind === 'template' ? 'compose.saveEditedTemplate' : 'compose.saveTemplate')}
    </button>
  );
}
