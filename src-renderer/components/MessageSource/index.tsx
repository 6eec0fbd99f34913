import { useRequest } from '../../hooks/use-request';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { LongText } from '../MessageBody/long-text-view';
import { Spinner } from '../Spinner';

/** The raw message as the server sent it, for when the rendering looks wrong. */
export function MessageSource({ messageId }: { messageId: number }) {
  const t = useT();
  const source = useRequest('messages.source', { messageId });
  if (source.error) return <ErrorNotice error={source.error} />;
  if (!source.data) {
    return (
      <p className="message-body__none">
        <Spinner />
        {t('reading.loading')}
      </p>
    );
  }
  return <LongText text={source.data.source} className="message-body__source" testId="message-source" />;
}
