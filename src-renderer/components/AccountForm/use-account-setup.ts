import { useState } from 'react';
import type { AccountView, TestConnectionResult } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import type { StringKey } from '../../i18n/en';
import { connectionKey, needsPlaintextConsent, toDraft, type AccountFormState } from './form-state';
import { invalidFieldLabels } from './validate-draft';

export type SetupStatus =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'saving' }
  | { kind: 'tested'; result: TestConnectionResult }
  | { kind: 'invalid'; labels: StringKey[] }
  | { kind: 'needsPlaintextConsent' }
  | { kind: 'failed'; error: ErrorShape };

/** Testing and saving an account; saving is offered only for settings that passed a test. */
export function useAccountSetup(onSaved: (account: AccountView) => void) {
  const client = useClient();
  const [status, setStatus] = useState<SetupStatus>({ kind: 'idle' });
  const [testedKey, setTestedKey] = useState<string | null>(null);
  const busy = status.kind === 'testing' || status.kind === 'saving';

  async function test(form: AccountFormState): Promise<void> {
    const draft = toDraft(form);
    const labels = invalidFieldLabels(draft);
    if (labels.length > 0) return setStatus({ kind: 'invalid', labels });
    if (needsPlaintextConsent(form) && !form.allowPlaintext) return setStatus({ kind: 'needsPlaintextConsent' });
    setStatus({ kind: 'testing' });
    try {
      const result = await client.request('accounts.testConnection', draft);
      setTestedKey(connectionKey(draft));
      setStatus({ kind: 'tested', result });
    } catch (error) {
      setTestedKey(null);
      setStatus({ kind: 'failed', error: toErrorShape(error) });
    }
  }

  async function save(form: AccountFormState): Promise<void> {
    setStatus({ kind: 'saving' });
    try {
      onSaved(await client.request('accounts.add', toDraft(form)));
    } catch (error) {
      setStatus({ kind: 'failed', error: toErrorShape(error) });
    }
  }

  const canSave = (form: AccountFormState) => !busy && testedKey === connectionKey(toDraft(form));
  return { status, busy, test, save, canSave };
}
