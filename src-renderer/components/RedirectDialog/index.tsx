import { useState } from 'react';
import type { AccountView, MessageSummary } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { AddressField } from '../Composer/address-field';
import type { AddressChip } from '../Composer/address-list';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { SelectField } from '../Field';
import { useToasts } from '../Toasts/toast-context';

interface RedirectDialogProps {
  message: MessageSummary;
  /** The message's account (it is sent on from there), or null for the Local Folders (the user picks one). */
  accountId: number | null;
  accounts: AccountView[];
  onClose(): void;
}

/**
 * Thunderbird's Redirect: the message goes on as it is (its sender, subject and text unchanged) to the
 * addresses typed here, with Resent fields saying the user sent it on. It leaves through the outbox.
 */
export function RedirectDialog({ message, accountId, accounts, onClose }: RedirectDialogProps) {
  const t = useT();
  const client = useClient();
  const toasts = useToasts();
  const senders = accounts.filter((account) => account.smtp);
  const [chips, setChips] = useState<AddressChip[]>([]);
  const [from, setFrom] = useState<number | null>(accountId ?? senders[0]?.id ?? null);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const redirect = () => {
    const invalid = chips.filter((chip) => !chip.valid);
    if (invalid.length > 0) return setProblem(t('compose.fixAddresses', { addresses: invalid.map((chip) => chip.address).join(', ') }));
    if (chips.length === 0) return setProblem(t('compose.noRecipients'));
    setSending(true);
    const to = chips.map(({ name, address }) => ({ name, address }));
    client.request('outbox.redirect', { messageId: message.id, to, ...(from !== null && { accountId: from }) }).then(
      () => {
        toasts.show({ tone: 'info', lines: [{ key: 'redirect.queued', values: { addresses: to.map((a) => a.address).join(', ') } }] });
        onClose();
      },
      (failure: unknown) => {
        setSending(false);
        setError(toErrorShape(failure));
      },
    );
  };
  return (
    <Dialog title={t('redirect.title', { subject: message.subject || t('messages.noSubject') })} onClose={onClose} testId="redirect-dialog">
      <p className="dialog__text">{t('redirect.explain')}</p>
      {accountId === null && (
        <SelectField<string>
          label={t('redirect.from')}
          value={String(from ?? '')}
          options={senders.map((account) => ({ value: String(account.id), label: `${account.name} <${account.email}>` }))}
          onChange={(value) => setFrom(Number(value))}
          testId="redirect-from"
        />
      )}
      <AddressField label={t('compose.to')} chips={chips} onChange={(next) => { setChips(next); setProblem(null); }} testId="redirect-to" autoFocus />
      <div className="dialog__buttons">
        <button type="button" onClick={onClose} data-testid="redirect-cancel">{t('dialog.cancel')}</button>
        <button type="button" className="primary" onClick={redirect} disabled={sending} data-testid="redirect-send">{t('redirect.send')}</button>
      </div>
      {/*
        Below the buttons: a click on Redirect first ends the typing (the field's blur turns the text into a chip),
        and a line going away above would move the button from under the pointer before the click lands.
      */}
      {problem && <p className="composer__problem" role="alert" data-testid="redirect-problem">{problem}</p>}
      {error && <ErrorNotice error={error} />}
    </Dialog>
  );
}
