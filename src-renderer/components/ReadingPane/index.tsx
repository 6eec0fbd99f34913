import { useCallback, useState } from 'react';
import type { BodyView, MessageSummary, TextEncoding } from '../../../src-main/ipc/contract';
import { useSettings } from '../../settings/settings-context';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { codedWarning } from '../../../src-main/errors/warning-codes';
import { useClientEvent } from '../../hooks/use-client-event';
import { useRequest } from '../../hooks/use-request';
import { useI18n, useT } from '../../i18n/i18n-context';
import { AttachmentList } from '../AttachmentList';
import { Conversation } from '../Conversation';
import { ErrorNotice } from '../ErrorNotice';
import { MessageActions } from '../MessageActions';
import { MessageBody } from '../MessageBody';
import { FindBar } from '../FindInMessage';
import { useFindBar } from '../FindInMessage/use-find-bar';
import { MessageHeaders } from '../MessageHeaders';
import { MessageSource } from '../MessageSource';
import { PartialNotice } from '../PartialNotice';
import { ReceiptRequestBar } from '../ReceiptRequest';
import { JunkBar } from '../JunkBar';
import { IgnoredThreadBar } from '../IgnoredThread';
import { InvitationCard } from '../InvitationCard';
import { Spinner } from '../Spinner';
import { useLiveSummary } from './use-live-summary';
import { useMarkRead } from './use-mark-read';
import { isCutOff, useCutOffRetry } from './use-cut-off-retry';
import './reading-pane.css';

/** Said by the partial notice, with its sizes and button, so not repeated among the warnings. */
const PARTIAL_WARNING = codedWarning('PartialDownload');
const REST_GONE_WARNING = codedWarning('PartialRestGone');

interface ReadingPaneProps {
  /** The row chosen in the list; its headers show while the body loads, or when it cannot. */
  message: MessageSummary | null;
  /** How many messages are selected: with more than one, the pane sums up the selection instead. */
  selectedCount?: number;
  /** The account the message belongs to, whose return online brings a missing body. */
  accountId: number | null;
  /** How many times Find in This Message was asked for (Ctrl+F): a new count opens the find bar, or focuses it. */
  findAsked?: number;
  /** The message shown no longer exists (deleted elsewhere, a draft sent, its account removed). */
  onGone?(messageId: number): void;
}

export function ReadingPane({ message, selectedCount = message ? 1 : 0, accountId, findAsked = 0, onGone }: ReadingPaneProps) {
  const t = useT();
  if (selectedCount > 1) return <SelectionSummary count={selectedCount} />;
  if (message === null) return <div className="reading-pane reading-pane--empty">{t('reading.choose')}</div>;
  // Keyed by message, so choices like "load remote content" never carry over to the next mail.
  return <MessageReader key={message.id} initial={message} accountId={accountId} findAsked={findAsked} onGone={onGone} />;
}

/** Opening a message does not mark it read by itself: useMarkRead does, as the user's setting says. */
function MessageReader({ initial, accountId, findAsked, onGone }: { initial: MessageSummary; accountId: number | null; findAsked: number; onGone?(messageId: number): void }) {
  // Text Encoding chosen for this message (the pane is keyed by message): its text read again as that.
  const [encoding, setEncoding] = useState<TextEncoding | null>(null);
  const read = useRequest('messages.read', { messageId: initial.id, markSeen: false, ...(encoding && { charset: encoding }) });
  const priority = useRequest('messages.priority', { messageId: initial.id });
  const gone = useCallback(() => onGone?.(initial.id), [onGone, initial.id]);
  const { summary, patch } = useLiveSummary(initial, gone);
  const [showSource, setShowSource] = useState(false);
  // The user's View ▸ Message Body As, or this message switched the other way (the pane is keyed by message).
  const { settings } = useSettings();
  const [bodyAs, setBodyAs] = useState<BodyView | null>(null);
  const shownAs = bodyAs ?? settings.app.bodyAs;
  const find = useFindBar(findAsked);
  // Ignored or watched again since it was read (here, from the list's menu, the CLI): not read again for that.
  const [threadIgnored, setThreadIgnored] = useState<boolean | null>(null);
  useClientEvent('thread.ignored', ({ messageIds, ignored }) => {
    if (messageIds.includes(initial.id)) setThreadIgnored(ignored);
  });
  useMarkRead(initial.id, read.data !== null, summary.seen, () => patch({ seen: true }));
  useClientEvent('store.changed', ({ changes }) => {
    // A body that could not come (the message was between folders, say) may come once its row changed: the server took the move.
    if (read.error && changes.some((change) => change.entity === 'messages' && change.ids.includes(initial.id))) read.reload();
  });
  useClientEvent('account.status', (status) => {
    // Back online: a body that could not come, or the rest of a partial POP3 message, is fetched now.
    if ((read.error || read.data?.partial) && status.accountId === accountId && status.state === 'idle') read.reload();
  });

  // A download cut off under an account still online: tried again here, as no "back online" will come for it.
  const retryingCut = useCutOffRetry(read.error, read.loading, read.reload);

  if (!read.data) {
    return (
      <article className="reading-pane" data-testid="reading-pane" data-message-id={initial.id}>
        <MessageHeaders message={summary} />
        {read.error ? <BodyUnavailable error={read.error} onRetry={read.reload} retrying={read.loading} retryingCut={retryingCut} /> : <BodyLoading />}
      </article>
    );
  }
  const message = { ...read.data, seen: summary.seen, flagged: summary.flagged, tags: summary.tags ?? read.data.tags };
  const ignored = threadIgnored ?? read.data.threadIgnored === true;
  return (
    <article className="reading-pane" data-testid="reading-pane" data-message-id={initial.id}>
      <MessageHeaders message={message} priority={priority.data?.priority} />
      <MessageActions
        messageId={message.id}
        accountId={accountId}
        showSource={showSource}
        onToggleSource={() => setShowSource(!showSource)}
        bodyAs={read.data.html ? shownAs : null}
        onBodyAs={setBodyAs}
        encoding={encoding}
        onEncoding={setEncoding}
        threadIgnored={ignored}
      />
      {summary.junk && <JunkBar messageId={message.id} />}
      {ignored && <IgnoredThreadBar messageId={message.id} />}
      <ReceiptRequestBar messageId={message.id} />
      <InvitationCard messageId={message.id} answered={message.flags.includes('\\Answered')} />
      <Conversation messageId={message.id} folderId={message.folderId} />
      {message.partial && <PartialNotice storedBytes={message.partialBytes ?? 0} totalBytes={message.size} onDownload={read.reload} downloading={read.loading} restGone={message.warnings.includes(REST_GONE_WARNING)} />}
      <Warnings warnings={message.partial ? message.warnings.filter((warning) => warning !== PARTIAL_WARNING && warning !== REST_GONE_WARNING) : message.warnings} />
      {find.open && !showSource && <FindBar focusAsked={find.asked} body={find.body} onClose={find.close} />}
      {/* display: contents, so the body keeps its place in the pane's column while Find can reach it. */}
      <div ref={find.body} className="reading-pane__body">
        {showSource ? <MessageSource messageId={message.id} /> : <MessageBody message={message} as={shownAs} />}
      </div>
      <AttachmentList messageId={message.id} attachments={message.attachments} />
    </article>
  );
}

function SelectionSummary({ count }: { count: number }) {
  const t = useT();
  return (
    <div className="reading-pane reading-pane--empty reading-pane--selection" data-testid="selection-summary">
      <p className="reading-pane__selected">{t('selection.count', { count })}</p>
      <p className="reading-pane__note">{t('selection.hint')}</p>
    </div>
  );
}

function BodyLoading() {
  const t = useT();
  return (
    <p className="reading-pane__note">
      <Spinner />
      {t('reading.loading')}
    </p>
  );
}

/**
 * The headers stay readable; offline, the body is promised for when the account returns. A download cut off
 * mid-way says so, and that it is being tried again (`retryingCut`) or can be. Working offline (by the user's
 * choice) offers no Try again, which could only fail the same way: going online brings the body.
 */
function BodyUnavailable({ error, onRetry, retrying, retryingCut }: { error: ErrorShape; onRetry(): void; retrying: boolean; retryingCut: boolean }) {
  const t = useT();
  const cut = isCutOff(error);
  return (
    <div className="reading-pane__unavailable" data-testid="body-unavailable" data-error-code={error.code} data-cut-off={cut || undefined}>
      {cut && <p role="status">{t(retryingCut ? 'reading.bodyCutRetrying' : 'reading.bodyCut')}</p>}
      {!cut && (error.code === 'Offline' ? <p role="status">{t('reading.bodyOffline')}</p> : <ErrorNotice error={error} />)}
      {error.code !== 'WorkingOffline' && (
        <button type="button" onClick={onRetry} disabled={retrying} data-testid="retry-body">
          {t('reading.retry')}
        </button>
      )}
    </div>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  const { t, warningWords } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="reading-pane__warnings" role="note" data-testid="message-warnings">
      <p>{t('reading.warnings')}</p>
      <ul>{warnings.map((warning) => <li key={warning}>{warningWords(warning)}</li>)}</ul>
    </div>
  );
}
