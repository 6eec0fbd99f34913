import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { formatFullDate } from '../../format/format-date';
import { serverWords } from '../../i18n/error-words';
import { useI18n } from '../../i18n/i18n-context';
import { outboxStateWords, retryWhenWords } from './outbox-state-words';
import { OutboxRetrust } from './outbox-retrust';

export interface OutboxActions {
  /** Takes the message out of the outbox and into the composer. */
  edit(entry: OutboxEntryView): void;
  /** `outbox.retry`: a failed message again. */
  retry(entry: OutboxEntryView): void;
  /** `outbox.sendNow`: a message held back (scheduled, its undo delay, a retry's backoff) leaves at once. */
  sendNow(entry: OutboxEntryView): void;
  resolve(entry: OutboxEntryView, action: 'sendAnyway' | 'discard'): void;
  /** Deletes the unsent message (`outbox.cancel`): undoable from a toast when it can be reopened, asked first when not. */
  remove(entry: OutboxEntryView): void;
}

/** One message of the outbox: to whom, its subject, where it stands, and what can be done about it. */
export function OutboxRow({ entry, actions }: { entry: OutboxEntryView; actions: OutboxActions }) {
  const { t } = useI18n();
  const subject = entry.subject.trim() || t('messages.noSubject');
  return (
    <li className={`outbox-row outbox-row--${entry.state}`} data-testid="outbox-row" data-state={entry.state}>
      <div className="outbox-row__to" data-testid="outbox-to">{t('outbox.to', { to: entry.to.join(', ') || '—' })}</div>
      <div className="outbox-row__subject" data-testid="outbox-subject">{subject}</div>
      <StateWords entry={entry} />
      <RowActions entry={entry} actions={actions} />
      {entry.state === 'failed' && <OutboxRetrust entry={entry} onTrusted={() => actions.retry(entry)} />}
    </li>
  );
}

function StateWords({ entry }: { entry: OutboxEntryView }) {
  const { t, locale, errorWords, sentences } = useI18n();
  const words = outboxStateWords(entry);
  if (words.kind === 'retrying') {
    // Said as a failed send is (the words for its code, which server, its reply), with when Wren tries again:
    // a server that cannot be reached must not look like a message simply waiting its turn.
    return (
      <>
        <div className="outbox-row__state outbox-row__state--alert" data-testid="outbox-state">{retryWhenWords(t, locale, words)}</div>
        <div className="outbox-row__reason" data-testid="outbox-reason" data-error-code={words.error.code}>
          {sentences(errorWords(words.error, 'background'))}
        </div>
      </>
    );
  }
  if (words.kind === 'failed') {
    // The server's own reply says best what to correct; without one (a fault of ours, a TLS error), our sentence. The whole account on hover.
    const all = entry.error ? errorWords(entry.error, 'background') : [];
    const why = (entry.error && serverWords(entry.error)) ?? all[0] ?? '';
    return (
      <div className="outbox-row__state outbox-row__state--alert" title={all.join('\n')} data-testid="outbox-state">
        {t('outbox.state.failed', { why })}
      </div>
    );
  }
  const text = words.kind === 'scheduled' ? t('outbox.state.scheduled', { time: formatFullDate(words.sendAt, locale) }) : t(words.key);
  return (
    <div className={entry.state === 'unknown' ? 'outbox-row__state outbox-row__state--alert' : 'outbox-row__state'} data-testid="outbox-state">
      {text}
    </div>
  );
}

function RowActions({ entry, actions }: { entry: OutboxEntryView; actions: OutboxActions }) {
  const t = useI18n().t;
  // A raw message (`wren send --raw`) has no composed form: taken back, it would be gone with nothing to edit.
  const edit = entry.editable ? (
    <button type="button" onClick={() => actions.edit(entry)} data-testid="outbox-edit">
      {t('outbox.edit')}
    </button>
  ) : null;
  // A message not yet on its way can be deleted, as in Thunderbird's Outbox: without it a raw one that failed could never go.
  const remove = (
    <button type="button" className="outbox-row__delete" onClick={() => actions.remove(entry)} data-testid="outbox-delete">
      {t('outbox.delete')}
    </button>
  );
  switch (entry.state) {
    case 'failed':
      return (
        <div className="outbox-row__actions">
          {edit}
          <button type="button" onClick={() => actions.retry(entry)} data-testid="outbox-retry">{t('outbox.retry')}</button>
          {remove}
        </div>
      );
    case 'waiting':
    case 'queued':
      // Scheduled, in its undo delay, or held for the network or a retry due later: it can leave at once, as in Thunderbird and Gmail.
      return (
        <div className="outbox-row__actions">
          {edit}
          <button type="button" onClick={() => actions.sendNow(entry)} data-testid="outbox-send-now">{t('outbox.sendNow')}</button>
          {remove}
        </div>
      );
    case 'unknown':
      return <UnknownQuestion entry={entry} actions={actions} />;
    default:
      return null;
  }
}

/** The question only the user can answer: Wren cannot tell whether the server took the message. */
function UnknownQuestion({ entry, actions }: { entry: OutboxEntryView; actions: OutboxActions }) {
  const t = useI18n().t;
  return (
    <div className="outbox-row__question" role="group" aria-label={t('outbox.question')}>
      <p className="outbox-row__warning">{t('outbox.question')} {t('outbox.twiceWarning')}</p>
      <div className="outbox-row__actions">
        <button type="button" onClick={() => actions.resolve(entry, 'sendAnyway')} data-testid="outbox-send-again">{t('outbox.sendAgain')}</button>
        <button type="button" onClick={() => actions.resolve(entry, 'discard')} data-testid="outbox-discard">{t('outbox.wasSent')}</button>
      </div>
    </div>
  );
}
