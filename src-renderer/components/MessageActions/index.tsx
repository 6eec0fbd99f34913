import { useT } from '../../i18n/i18n-context';
import './message-actions.css';

interface MessageActionsProps {
  showSource: boolean;
  onToggleSource(): void;
}

/**
 * What only the open message offers: its source. Flag and read / unread live
 * once, in the message toolbar above the list (as in Thunderbird), where they
 * act on the selection, this message included.
 */
export function MessageActions({ showSource, onToggleSource }: MessageActionsProps) {
  const t = useT();
  return (
    <div className="message-actions">
      <button type="button" onClick={onToggleSource} aria-pressed={showSource} data-testid="toggle-source">
        {showSource ? t('reading.hideSource') : t('reading.viewSource')}
      </button>
    </div>
  );
}
