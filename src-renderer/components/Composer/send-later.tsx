import { useEffect, useId, useRef, useState } from 'react';
import { formatFullDate, localDayText, twoDigits } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local input holds. */
function localInputValue(date: Date): string {
  return `${localDayText(date)}T${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/**
 * Where the picker starts: the time a message taken back out of the outbox had been scheduled for (so
 * scheduling it again after an edit keeps it), unless that has passed; else an hour from now.
 */
function startingTime(initialAt: number | undefined, now = Date.now()): number {
  return initialAt !== undefined && initialAt > now ? initialAt : now + 60 * 60 * 1000;
}

/**
 * "Send later": a time picker, then the message waits in the outbox (across restarts) until then.
 * Opening and cancelling each remove the button that had the focus, so the focus is handed on:
 * to the time when it opens, back to "Send later…" when it is cancelled.
 */
export function SendLater({ onSchedule, initialAt }: { onSchedule(at: number): void; initialAt?: number }) {
  const { t, locale } = useI18n();
  const wordsId = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const time = useRef<HTMLInputElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (open ? time.current : opener.current)?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    moveFocus.current = true;
    // Each opening starts afresh: not at a time typed and cancelled (perhaps past), nor at an hour after the composer opened.
    if (next) setValue(localInputValue(new Date(startingTime(initialAt))));
    setOpen(next);
  };
  const at = new Date(value).getTime();
  const valid = Number.isFinite(at) && at > Date.now();
  if (!open) {
    return <button ref={opener} type="button" onClick={() => toggle(true)} data-testid="compose-send-later">{t('compose.sendLater')}</button>;
  }
  // The native control draws its date in the browser's (or Electron's) own locale, whatever `lang` says: the time
  // chosen is said again below it in Wren's language, as the toast and the Outbox will say it.
  return (
    <>
      {/* Escape here cancels the time, as its Cancel does; it must not reach the composer, which closes on Escape. */}
      <span
        className="composer__send-later"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          toggle(false);
        }}
      >
        <input ref={time} type="datetime-local" lang={locale} value={value} onChange={(event) => setValue(event.target.value)}
          aria-label={t('compose.sendAt')} aria-describedby={wordsId} data-testid="compose-send-at" />
        <button type="button" disabled={!valid} onClick={() => onSchedule(at)} data-testid="compose-schedule">{t('compose.schedule')}</button>
        <button type="button" onClick={() => toggle(false)} data-testid="compose-send-later-cancel">{t('compose.cancel')}</button>
      </span>
      <output id={wordsId} className={valid ? 'composer__send-at-words' : 'composer__send-at-words composer__send-at-words--invalid'} data-testid="compose-send-at-words">
        {valid ? t('compose.sendAtWords', { time: formatFullDate(at, locale) }) : t('compose.sendAtPast')}
      </output>
    </>
  );
}
