import { useState } from 'react';
import type { AttachmentView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { formatSize } from '../../format/format-size';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import './attachment-list.css';

interface AttachmentListProps {
  messageId: number;
  attachments: AttachmentView[];
}

export function AttachmentList({ messageId, attachments }: AttachmentListProps) {
  const client = useClient();
  const { t, locale } = useI18n();
  const [error, setError] = useState<ErrorShape | null>(null);
  if (attachments.length === 0) return null;

  const save = (attachment: AttachmentView) => {
    setError(null);
    client.saveAttachment(messageId, attachment.partId).catch((failure: unknown) => setError(toErrorShape(failure)));
  };
  const saveAll = () => {
    setError(null);
    client.saveAllAttachments(messageId, attachments.map((attachment) => attachment.partId)).catch((failure: unknown) => setError(toErrorShape(failure)));
  };
  // Straight from the click, no await first: the web mode's browser opens a tab only for a fresh click.
  const open = (attachment: AttachmentView) => {
    setError(null);
    client.openAttachment(messageId, attachment).catch((failure: unknown) => setError(toErrorShape(failure)));
  };

  return (
    <section className="attachment-list" data-testid="attachments">
      <div className="attachment-list__heading">
        <h3>{t('reading.attachments')}</h3>
        {attachments.length > 1 && (
          <button type="button" onClick={saveAll} data-testid="save-all-attachments">
            {t('reading.saveAllAttachments', { count: attachments.length })}
          </button>
        )}
      </div>
      <ul>
        {attachments.map((attachment) => (
          <li key={attachment.partId} className="attachment-list__item">
            <span className="attachment-list__label">
              <span className="attachment-list__name" title={t('reading.openAttachmentHint')} onDoubleClick={() => open(attachment)} data-testid="attachment-name">
                📎 {attachment.filename || attachment.partId}
              </span>
              <span className="attachment-list__meta">
                {attachment.contentType} · {formatSize(attachment.size, t, locale)}
              </span>
            </span>
            <button type="button" onClick={() => open(attachment)} data-testid={`open-attachment-${attachment.partId}`}>
              {t('reading.openAttachment')}
            </button>
            <button type="button" onClick={() => save(attachment)} data-testid={`save-attachment-${attachment.partId}`}>
              {t('reading.saveAttachment')}
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
