import { useState } from 'react';
import type { MessageView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import './message-actions.css';

interface MessageActionsProps {
  message: MessageView;
  showSource: boolean;
  onToggleSource(): void;
}

/**
 * Flag, mark unread, view source. Flag states are kept here rather than
 * re-read: reading the message again would mark it seen again.
 */
export function MessageActions({ message, showSource, onToggleSource }: MessageActionsProps) {
  const client = useClient();
  const t = useT();
  const [flagged, setFlagged] = useState(message.flagged);
  const [markedUnread, setMarkedUnread] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);

  const setFlags = async (flags: { seen?: boolean; flagged?: boolean }) => {
    setError(null);
    try {
      await client.request('messages.setFlags', { messageId: message.id, ...flags });
      if (flags.flagged !== undefined) setFlagged(flags.flagged);
      if (flags.seen === false) setMarkedUnread(true);
    } catch (failure) {
      setError(toErrorShape(failure));
    }
  };

  return (
    <div className="message-actions">
      <button type="button" onClick={() => void setFlags({ flagged: !flagged })} aria-pressed={flagged} data-testid="toggle-flag">
        {flagged ? `★ ${t('reading.unflag')}` : `☆ ${t('reading.flag')}`}
      </button>
      <button type="button" onClick={() => void setFlags({ seen: false })} disabled={markedUnread} data-testid="mark-unread">
        {t('reading.markUnread')}
      </button>
      <button type="button" onClick={onToggleSource} aria-pressed={showSource} data-testid="toggle-source">
        {showSource ? t('reading.hideSource') : t('reading.viewSource')}
      </button>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
