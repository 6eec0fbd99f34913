import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { IdentityFields } from '../IdentityFields';
import { ServerFields } from '../ServerFields';
import { SetupStatus } from '../SetupStatus';
import { TextField } from '../Field';
import { Pop3PolicyFields } from '../Pop3PolicyFields';
import { SelectField } from '../Field';
import { effectiveUser, initialFormState, needsPlaintextConsent, withProtocol, type AccountFormState } from './form-state';
import type { AccountAuth, IncomingProtocol } from '../../../src-main/ipc/contract';
import { OAuth2SignIn } from './oauth2-sign-in';
import { ownProviderOf } from './own-provider';
import { OwnProviderFields } from './own-provider-fields';
import { useAccountSetup } from './use-account-setup';
import './account-form.css';

/** Everything needed to add an account, tested against the real server before it can be saved. */
export function AccountForm({ onSaved, initial }: { onSaved(account: AccountView): void; initial?: AccountFormState }) {
  const t = useT();
  const [form, setForm] = useState<AccountFormState>(() => initial ?? initialFormState());
  const setup = useAccountSetup(onSaved);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusAfterBusy(formRef, setup.busy);
  const update = (patch: Partial<AccountFormState>) => setForm((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void setup.test(form);
  };
  const trust = (fingerprint: string, smtp: boolean) => {
    const trusted = { ...form, ...(smtp ? { smtpTrustedCertSha256: fingerprint } : { trustedCertSha256: fingerprint }) };
    setForm(trusted);
    void setup.test(trusted);
  };

  return (
    <form ref={formRef} className="account-form" noValidate onSubmit={submit}>
      <IdentityFields form={form} update={update} disabled={setup.busy} />
      <fieldset>
        <legend>{t(form.protocol === 'pop3' ? 'form.incomingPop3' : 'form.incoming')}</legend>
        <SelectField<IncomingProtocol>
          label={t('form.protocol')}
          value={form.protocol}
          options={[{ value: 'imap', label: 'IMAP' }, { value: 'pop3', label: 'POP3' }]}
          onChange={(protocol) => setForm((current) => withProtocol(current, protocol))}
          testId="setup-protocol"
          disabled={setup.busy}
        />
        <ServerFields kind={form.protocol} server={form.imap} defaultUser={form.email.trim()} onChange={(imap) => update({ imap })} disabled={setup.busy} />
        <SelectField<AccountAuth>
          label={t('form.auth')}
          value={form.auth}
          options={[{ value: 'password', label: t('form.authPassword') }, { value: 'oauth2', label: t('form.authBrowser') }]}
          onChange={(auth) => update({ auth })}
          testId="setup-auth"
          disabled={setup.busy}
        />
        {form.auth === 'password' ? (
          <TextField label={t('form.password')} value={form.password} onChange={(password) => update({ password })} testId="setup-password" type="password" autoComplete="current-password" disabled={setup.busy} />
        ) : (
          <BrowserSignIn form={form} update={update} disabled={setup.busy} />
        )}
        {form.trustedCertSha256 && <p className="account-form__trusted">{t('cert.trusted', { fingerprint: form.trustedCertSha256 })}</p>}
        {form.protocol === 'pop3' && <Pop3PolicyFields policy={form.pop3} onChange={(pop3) => update({ pop3 })} disabled={setup.busy} />}
      </fieldset>
      <fieldset>
        <legend>{t('accountDialog.outgoing')}</legend>
        <ServerFields kind="smtp" server={form.smtp} defaultUser={effectiveUser(form, 'imap')} onChange={(smtp) => update({ smtp })} disabled={setup.busy} />
        {form.smtpTrustedCertSha256 && <p className="account-form__trusted" data-testid="setup-smtp-trusted">{t('cert.trustedSmtp', { fingerprint: form.smtpTrustedCertSha256 })}</p>}
      </fieldset>
      {needsPlaintextConsent(form) && <PlaintextConsent checked={form.allowPlaintext} onChange={(allowPlaintext) => update({ allowPlaintext })} />}
      <FormActions canTest={!setup.busy} canSave={setup.canSave(form)} onSave={() => void setup.save(form)} />
      <SetupStatus status={setup.status} onTrust={trust} />
    </form>
  );
}

/**
 * The fields are disabled while a test or a save runs, which drops the focus to the page (and
 * Escape no longer reached the dialog around the form): unless the user put it elsewhere
 * meanwhile, it comes back on Save when a test passed, else on Test connection.
 */
function useFocusAfterBusy(formRef: RefObject<HTMLFormElement | null>, busy: boolean): void {
  const wasBusy = useRef(false);
  useEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    const form = formRef.current;
    const focus = document.activeElement;
    if (!ended || !form || (focus && focus !== document.body && !form.contains(focus))) return;
    const save = form.querySelector<HTMLButtonElement>('.account-form__actions button.primary');
    (save && !save.disabled ? save : form.querySelector<HTMLButtonElement>('button[type="submit"]'))?.focus();
  }, [formRef, busy]);
}

/** The browser sign-in, at a bundled provider or at one whose settings the user gives. */
function BrowserSignIn({ form, update, disabled }: { form: AccountFormState; update(patch: Partial<AccountFormState>): void; disabled: boolean }) {
  const own = ownProviderOf(form.ownProvider);
  return (
    <>
      <OwnProviderFields value={form.ownProvider} onChange={(ownProvider) => update({ ownProvider })} invalid={own.invalid} disabled={disabled} />
      <OAuth2SignIn
        email={form.email}
        provider={own.provider}
        signedIn={form.oauth2FlowId !== null}
        onSignedIn={(oauth2FlowId) => update({ oauth2FlowId })}
        disabled={disabled || own.invalid.length > 0}
      />
    </>
  );
}

/** Asked for only when a server would be spoken to in plain text, and never ticked by default. */
function PlaintextConsent({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const t = useT();
  return (
    <label className="account-form__consent">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} required data-testid="setup-allow-plaintext" />
      {t('form.allowPlaintext')}
    </label>
  );
}

/** "Test connection" submits the form (so Enter tests); Save is a plain button. */
function FormActions({ canTest, canSave, onSave }: { canTest: boolean; canSave: boolean; onSave(): void }) {
  const t = useT();
  return (
    <div className="account-form__actions">
      <button type="submit" disabled={!canTest} data-testid="setup-test">
        {t('form.test')}
      </button>
      <button type="button" className="primary" disabled={!canSave} onClick={onSave} data-testid="setup-save">
        {t('form.save')}
      </button>
    </div>
  );
}
