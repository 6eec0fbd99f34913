import { useT } from '../../i18n/i18n-context';

interface SubjectReminderProps {
  onSendAnyway(): void;
  onWriteSubject(): void;
}

/** Thunderbird's Subject Reminder, asked when Send (or Send later) finds no subject; going back to write one is the default. */
export function SubjectReminder({ onSendAnyway, onWriteSubject }: SubjectReminderProps) {
  const t = useT();
  return (
    <div className="composer__reminder" role="alertdialog" aria-label={t('compose.noSubject.title')} data-testid="compose-subject-reminder">
      <p>
        <strong>{t('compose.noSubject.title')}</strong> {t('compose.noSubject.words')}
      </p>
      <button type="button" className="primary" onClick={onWriteSubject} autoFocus data-testid="compose-subject-reminder-write">{t('compose.noSubject.write')}</button>
      <button type="button" onClick={onSendAnyway} data-testid="compose-subject-reminder-send">{t('compose.noSubject.send')}</button>
    </div>
  );
}
