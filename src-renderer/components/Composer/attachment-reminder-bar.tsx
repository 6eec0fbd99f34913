import { useT } from '../../i18n/i18n-context';

interface AttachmentReminderProps {
  /** The words of the message that mention a file, as written. */
  words: string[];
  onSendAnyway(): void;
  onForgot(): void;
}

/** Thunderbird's "Did you forget to add an attachment?", asked when Send finds the words but no file. */
export function AttachmentReminder({ words, onSendAnyway, onForgot }: AttachmentReminderProps) {
  const t = useT();
  return (
    <div className="composer__reminder" role="alertdialog" aria-label={t('compose.reminder.title')} data-testid="compose-attachment-reminder">
      <p>
        <strong>{t('compose.reminder.title')}</strong> {t('compose.reminder.words', { words: words.map((word) => `“${word}”`).join(t('list.separator')) })}
      </p>
      <button type="button" className="primary" onClick={onForgot} autoFocus data-testid="compose-reminder-forgot">{t('compose.reminder.forgot')}</button>
      <button type="button" onClick={onSendAnyway} data-testid="compose-reminder-send">{t('compose.reminder.send')}</button>
    </div>
  );
}
