import { useId, useState } from 'react';
import type { IdentityFieldsInput, IdentityView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { TextField } from '../Field';
import { cancelOnEscape } from '../Dialog/cancel-on-escape';

interface IdentityFormProps {
  /** The identity being edited, or null for a new one. */
  identity: IdentityView | null;
  /** The account's display name and address, the starting point of a new identity. */
  fallback: { name: string; email: string };
  busy: boolean;
  onSave(fields: IdentityFieldsInput): void;
  onCancel(): void;
}

/** A plain check (the core checks for real): an address with one @ and a dot after it, nothing to break a header. */
const looksLikeAddress = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());

/** Name, address, reply-to, signature and "default" of one identity. */
export function IdentityForm({ identity, fallback, busy, onSave, onCancel }: IdentityFormProps) {
  const t = useT();
  const signatureId = useId();
  const [name, setName] = useState(identity?.name ?? fallback.name);
  const [email, setEmail] = useState(identity?.email ?? fallback.email);
  const [replyTo, setReplyTo] = useState(identity?.replyTo ?? '');
  const [signature, setSignature] = useState(identity?.signature ?? '');
  const [isDefault, setDefault] = useState(identity?.isDefault ?? false);
  const emailValid = looksLikeAddress(email);
  const replyToValid = replyTo.trim() === '' || looksLikeAddress(replyTo);
  const save = () => onSave({ name: name.trim(), email: email.trim(), replyTo: replyTo.trim() || null, signature: signature || null, isDefault });
  return (
    <form
      className="identity-form"
      data-testid="identity-form"
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        if (emailValid && replyToValid) save();
      }}
    >
      <TextField label={t('identity.name')} value={name} onChange={(value) => setName(value.replace(/[\r\n]+/g, ' '))} testId="identity-name" />
      <TextField label={t('identity.email')} type="email" value={email} onChange={setEmail} invalid={!emailValid} testId="identity-email" />
      <TextField label={t('identity.replyTo')} type="email" value={replyTo} onChange={setReplyTo} invalid={!replyToValid} testId="identity-reply-to" />
      <div className="field">
        <label htmlFor={signatureId}>{t('identity.signature')}</label>
        <textarea id={signatureId} rows={4} value={signature} onChange={(event) => setSignature(event.target.value)} data-testid="identity-signature" />
      </div>
      <label className="settings__check">
        {/* The default can only move to another identity, never be switched off. */}
        <input type="checkbox" checked={isDefault} disabled={identity?.isDefault} onChange={(event) => setDefault(event.target.checked)} data-testid="identity-default" />
        {t('identity.default')}
      </label>
      {(!emailValid || !replyToValid) && <p className="settings__hint">{t('identity.invalidAddress')}</p>}
      <div className="identity-form__actions">
        <button type="submit" className="primary" disabled={busy || !emailValid || !replyToValid} data-testid="identity-save">
          {t('identity.save')}
        </button>
        <button type="button" onClick={onCancel} data-testid="identity-cancel">
          {t('identity.cancel')}
        </button>
      </div>
    </form>
  );
}
