import { useState, type FormEvent } from 'react';
import type { AccountUpdate, AccountView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { TextField } from '../Field';
import { ServerFields } from '../ServerFields';
import { pop3Form, type ServerForm } from '../AccountForm/form-state';
import { Pop3PolicyFields } from '../Pop3PolicyFields';
import { OAuth2SignIn } from '../AccountForm/oauth2-sign-in';
import { CertificateDetails } from '../CertificateDetails';
import { certificateFromError, isSmtpCertificate } from '../CertificateDetails/certificate-from-error';
import { accountEdits, invalidEditLabels, serverForm, smtpForm, type AccountEditForm } from './account-edits';
import { TrustedCertificateField } from './trusted-certificate-field';
import type { StringKey } from '../../i18n/en';

/**
 * An account's settings: its name, your name, its colour, the incoming
 * server (with a POP3 account's policy) and a new password (or, for OAuth2, a new browser sign-in). The core tests a changed server or password
 * with a login before saving it; a failure is shown here and nothing changes.
 */
export function EditAccountDialog({ account, focusPassword = false, onClose }: { account: AccountView; focusPassword?: boolean; onClose(): void }) {
  const client = useClient();
  const { t } = useI18n();
  const [form, setForm] = useState<AccountEditForm>(() => ({
    name: account.name,
    displayName: account.displayName,
    colour: account.colour,
    incoming: serverForm(account.incoming),
    smtp: smtpForm(account.smtp),
    password: '',
    ...(account.protocol === 'pop3' && { pop3: pop3Form(account.pop3) }),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [invalid, setInvalid] = useState<StringKey[]>([]);
  const update = (patch: Partial<AccountEditForm>) => setForm((current) => ({ ...current, ...patch }));

  // A changed server that shows a certificate not trusted yet: trusting it saves again with its fingerprint,
  // the outgoing server's as its own (it may show another certificate than the incoming one).
  const certificate = error ? certificateFromError(error) : null;
  const trustSmtp = error ? isSmtpCertificate(error) : false;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const save = (fingerprint?: string) => {
    const trust = fingerprint ? (trustSmtp ? { smtpTrustedCertSha256: fingerprint } : { trustedCertSha256: fingerprint }) : {};
    const edits: AccountUpdate = { ...accountEdits(account, form), ...trust };
    const labels = invalidEditLabels(account, edits);
    setInvalid(labels);
    setError(null);
    if (labels.length > 0) return;
    setBusy(true);
    client.request('accounts.update', edits).then(onClose, (failure: unknown) => {
      setBusy(false);
      setError(toErrorShape(failure));
    });
  };

  return (
    <Dialog title={t('accountDialog.editTitle', { account: account.name })} onClose={onClose} testId="edit-account-dialog" wide>
      <form className="dialog__form" onSubmit={submit} noValidate>
        <TextField label={t('form.accountName')} value={form.name} onChange={(name) => update({ name })} testId="edit-account-name" disabled={busy} />
        <TextField label={t('form.displayName')} value={form.displayName} onChange={(displayName) => update({ displayName })} testId="edit-display-name" disabled={busy} />
        <label className="dialog__field">
          <span>{t('accountDialog.colour')}</span>
          <input type="color" value={form.colour} onChange={(event) => update({ colour: event.target.value })} data-testid="edit-account-colour" disabled={busy} />
        </label>
        <ServerFields kind={account.protocol} server={form.incoming} defaultUser={account.email} onChange={(incoming: ServerForm) => update({ incoming })} disabled={busy} />
        {account.auth === 'oauth2' ? (
          // A refused or withdrawn sign-in is mended here, at the account's own provider: the new tokens are tested and kept on Save.
          <OAuth2SignIn email={account.email} accountId={account.id} signedIn={false} onSignedIn={(oauth2FlowId) => update({ oauth2FlowId })} disabled={busy} />
        ) : (
          <TextField label={t('accountDialog.newPassword')} value={form.password} onChange={(password) => update({ password })} testId="edit-account-password" type="password" autoComplete="new-password" disabled={busy} autoFocus={focusPassword} />
        )}
        {form.pop3 && <Pop3PolicyFields policy={form.pop3} onChange={(pop3) => update({ pop3 })} disabled={busy} />}
        {account.trustedCertSha256 && (
          <TrustedCertificateField fingerprint={account.trustedCertSha256} smtp={false} forget={form.forgetPin ?? false} onForget={(forgetPin) => update({ forgetPin })} disabled={busy} testId="edit-trusted-cert" />
        )}
        <fieldset className="dialog__fieldset">
          <legend>{t('accountDialog.outgoing')}</legend>
          {/* The port and user below are what a server typed in would use; without this line they read as settings it has. */}
          {!form.smtp.host.trim() && (
            <p className="account-form__hint" data-testid="edit-account-no-outgoing">
              {t('accountDialog.noOutgoing')}
            </p>
          )}
          <ServerFields kind="smtp" server={form.smtp} defaultUser={form.incoming.user ?? account.email} onChange={(smtp: ServerForm) => update({ smtp })} disabled={busy} />
          {account.smtpTrustedCertSha256 && (
            <TrustedCertificateField fingerprint={account.smtpTrustedCertSha256} smtp forget={form.forgetSmtpPin ?? false} onForget={(forgetSmtpPin) => update({ forgetSmtpPin })} disabled={busy} testId="edit-smtp-trusted-cert" />
          )}
        </fieldset>
        {invalid.length > 0 && (
          <p className="error-notice" role="alert" data-testid="edit-account-invalid">
            {t('form.invalidFields', { fields: invalid.map((label) => t(label)).join(t('list.separator')) })}
          </p>
        )}
        {error && <ErrorNotice error={error} />}
        {certificate && error && !busy && <CertificateDetails certificate={certificate} error={error} onTrust={save} />}
        <div className="dialog__buttons">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !form.name.trim()} data-testid="edit-account-save">
            {busy ? t('form.testing') : t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
