import type { MessageSummary, MessageView } from '../../../src-main/ipc/contract';
import { formatAddress, formatAddressList } from '../../format/format-address';
import { formatFullDate } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';
import { TagChips } from '../TagChips';
import './message-headers.css';

/** Subject as the title, then From/To/Cc/Date, skipping empty ones; a list row has no To or Cc. */
export function MessageHeaders({ message }: { message: MessageSummary & Partial<Pick<MessageView, 'to' | 'cc'>> }) {
  const { t, locale } = useI18n();
  const rows: [string, string][] = [
    [t('reading.from'), formatAddress(message.from)],
    [t('reading.to'), formatAddressList(message.to ?? [])],
    [t('reading.cc'), formatAddressList(message.cc ?? [])],
    [t('reading.date'), formatFullDate(message.date, locale)],
  ];
  return (
    <header className="message-headers">
      <h2 className="message-headers__subject" data-testid="message-subject">
        <span className="visually-hidden">{t('reading.subject')}: </span>
        {message.subject || t('messages.noSubject')}
      </h2>
      <TagChips tags={message.tags} />
      <dl>
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label} className="message-headers__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </header>
  );
}
