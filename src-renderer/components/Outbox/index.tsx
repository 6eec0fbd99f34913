import { useState } from 'react';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { useCompose } from '../Composer/compose-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { useToasts } from '../Toasts/toast-context';
import { OutboxRow, type OutboxActions } from './outbox-row';
import { quotedSubject } from './outbox-state-words';
import './outbox.css';

/**
 * The outbox, in the place of the message list and the reading pane: every
 * message not yet sent, with what can be done about it. It changes live as
 * the outbox does (`useOutbox`, held by the window for the folder pane's count too).
 */
export function OutboxView({ entries }: { entries: OutboxEntryView[] }) {
  const t = useT();
  // A raw message (`wren send --raw`) has nothing to reopen: its deletion is asked first, as it cannot be undone.
  const [confirming, setConfirming] = useState<OutboxEntryView | null>(null);
  const actions = useOutboxActions(setConfirming);
  return (
    <section className="outbox" aria-labelledby="outbox-heading" data-testid="outbox-view">
      <header className="outbox__header">
        <h2 id="outbox-heading" className="outbox__title" tabIndex={-1}>{t('outbox.title')}</h2>
        <span className="outbox__count">{t('outbox.count', { count: entries.length })}</span>
      </header>
      {entries.length === 0 ? (
        <p className="outbox__empty" data-testid="outbox-empty">{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox__list">
          {entries.map((entry) => <OutboxRow key={entry.id} entry={entry} actions={actions} />)}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('outbox.deleteTitle')}
          text={t('outbox.deleteForGood', { subject: quotedSubject(confirming) })}
          confirmLabel={t('outbox.delete')}
          onConfirm={() => actions.deleteNow(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
    </section>
  );
}

function useOutboxActions(confirm: (entry: OutboxEntryView) => void): OutboxActions & { deleteNow(entry: OutboxEntryView): void } {
  const client = useClient();
  const toasts = useToasts();
  const { takeBack, reopen } = useCompose();
  const { settings, update } = useSettings();
  // The core refuses an action the entry has moved past (it began to leave meanwhile): said as any error is.
  const fail = (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] });
  // Gone from the outbox at once; Undo brings the message back into the composer (as Undo after Send does), to send again.
  const deleteNow = (entry: OutboxEntryView) =>
    void client.request('outbox.cancel', { outboxId: entry.id }).then(({ message, scheduledFor }) => {
      const undo = message ? () => reopen({ message, scheduledFor }) : undefined;
      toasts.show({ tone: 'info', lines: [{ key: 'outbox.deleted', values: { subject: quotedSubject(entry) } }], undo });
    }, fail);
  return {
    deleteNow,
    remove: (entry) => (entry.editable ? deleteNow(entry) : confirm(entry)),
    edit: (entry) => takeBack(entry.id),
    retry: (entry) => void client.request('outbox.retry', { outboxId: entry.id }).catch(fail),
    sendNow: (entry) => {
      const sendNow = () => void client.request('outbox.sendNow', { outboxId: entry.id }).catch(fail);
      if (!settings.app.workOffline) return sendNow();
      // Nothing leaves while working offline (Thunderbird asks "Send now? You are offline"): said, with the way to go online and send it.
      const goOnline = () => void update({ app: { workOffline: false } }).then(sendNow, fail);
      toasts.show({ tone: 'info', lines: [{ key: 'outbox.offlineSendNow', values: { subject: quotedSubject(entry) } }], undo: goOnline, undoLabel: 'outbox.goOnlineAndSend' });
    },
    resolve: (entry, action) => void client.request('outbox.resolve', { outboxId: entry.id, action }).catch(fail),
  };
}
