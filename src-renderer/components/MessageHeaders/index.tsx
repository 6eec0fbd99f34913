import type { MessageSummary, MessageView } from '../../../src-main/ipc/contract';
import { formatAddress, formatAddressList } from '../../format/format-address';
import { formatFullDate } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';
import { TagChips } from '../TagChips';
import './message-headers.css';

interface MessageHeadersProps {
  message: MessageSummary & Partial<Pick<MessageView, 'to' | 'cc'>>;
  /** High or low (from its X-Priority or Importance) is named under the date; normal is not. */
  priority?: 'high' | 'normal' | 'low';
}

/** Subject as the title, then From/To/Cc/Date and a priority other than normal, skipping empty ones; a list row has no To or Cc. */
export function MessageHeaders({ message, priority = 'normal' }: MessageHeadersProps) {
  const { t, locale } = useI18n();
  const rows: [label: string, value: string, testId?: string][] = [
    [t('reading.from'), formatAddress(message.from)],
    [t('reading.to'), formatAddressList(message.to ?? [])],
    [t('reading.cc'), formatAddressList(message.cc ?? [])],
    [t('reading.date'), formatFullDate(message.date, locale)],
    [t('reading.priority'), priority === 'normal' ? '' : t(`reading.priority.${priority}`), 'message-priority'],
  ];
  return (
    <header className="message-headers">
      <h2 className="message-headers__subject" data-testid="message-subject">
        <span className="visually-hidden">{t('reading.subjectSpoken')} </span>
        {message.subject || t('messages.noSubject')}
      </h2>
      <TagChips tags={message.tags} />
      <dl>
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value, testId]) => (
            <div key={label} className="message-headers__row" data-testid={testId}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </header>
  );
}
