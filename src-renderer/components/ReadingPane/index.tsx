import { useState } from 'react';
import { useRequest } from '../../hooks/use-request';
import { useI18n, useT } from '../../i18n/i18n-context';
import { AttachmentList } from '../AttachmentList';
import { ErrorNotice } from '../ErrorNotice';
import { MessageActions } from '../MessageActions';
import { MessageBody } from '../MessageBody';
import { MessageHeaders } from '../MessageHeaders';
import { MessageSource } from '../MessageSource';
import { Spinner } from '../Spinner';
import './reading-pane.css';

export function ReadingPane({ messageId }: { messageId: number | null }) {
  const t = useT();
  if (messageId === null) return <div className="reading-pane reading-pane--empty">{t('reading.choose')}</div>;
  // Keyed by message, so choices like "load remote content" never carry over to the next mail.
  return <MessageReader key={messageId} messageId={messageId} />;
}

/** Reading a message marks it seen in the core; the list learns of it through `store.changed`. */
function MessageReader({ messageId }: { messageId: number }) {
  const { t, warningWords } = useI18n();
  const read = useRequest('messages.read', { messageId });
  const [showSource, setShowSource] = useState(false);
  if (read.error) return <div className="reading-pane"><ErrorNotice error={read.error} /></div>;
  if (!read.data) {
    return (
      <div className="reading-pane reading-pane--empty">
        <p><Spinner />{t('reading.loading')}</p>
      </div>
    );
  }
  const message = read.data;
  return (
    <article className="reading-pane" data-testid="reading-pane">
      <MessageHeaders message={message} />
      <MessageActions message={message} showSource={showSource} onToggleSource={() => setShowSource(!showSource)} />
      {message.warnings.length > 0 && (
        <div className="reading-pane__warnings" role="note" data-testid="message-warnings">
          <p>{t('reading.warnings')}</p>
          <ul>{message.warnings.map((warning) => <li key={warning}>{warningWords(warning)}</li>)}</ul>
        </div>
      )}
      {showSource ? <MessageSource messageId={messageId} /> : <MessageBody message={message} />}
      <AttachmentList messageId={messageId} attachments={message.attachments} />
    </article>
  );
}
