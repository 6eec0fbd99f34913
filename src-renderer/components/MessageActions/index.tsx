import { useState } from 'react';
import type { MessageView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import './message-actions.css';

type FlagChange = { seen?: boolean; flagged?: boolean };

interface MessageActionsProps {
  /** Its `seen` and `flagged` are the current ones (the reading pane follows the store). */
  message: MessageView;
  onFlagsChanged(change: FlagChange): void;
  showSource: boolean;
  onToggleSource(): void;
}

/** Flag or unflag, mark read or unread, view source: each button says what it will do now. */
export function MessageActions({ message, onFlagsChanged, showSource, onToggleSource }: MessageActionsProps) {
  const client = useClient();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);

  const setFlags = async (change: FlagChange) => {
    setError(null);
    setBusy(true);
    try {
      await client.request('messages.setFlags', { messageId: message.id, ...change });
      onFlagsChanged(change);
    } catch (failure) {
      setError(toErrorShape(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="message-actions">
      <button type="button" onClick={() => void setFlags({ flagged: !message.flagged })} aria-pressed={message.flagged} disabled={busy} data-testid="toggle-flag">
        {message.flagged ? `★ ${t('reading.unflag')}` : `☆ ${t('reading.flag')}`}
      </button>
      <button type="button" onClick={() => void setFlags({ seen: !message.seen })} disabled={busy} data-testid="toggle-seen" data-seen={message.seen}>
        {message.seen ? t('reading.markUnread') : t('reading.markRead')}
      </button>
      <button type="button" onClick={onToggleSource} aria-pressed={showSource} data-testid="toggle-source">
        {showSource ? t('reading.hideSource') : t('reading.viewSource')}
      </button>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
