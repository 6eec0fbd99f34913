import type { Events } from '../../src-main/ipc/contract';
import { senderLabel } from '../format/format-address';
import type { Translate } from '../i18n/translate';

/** Most senders a notification for several messages lists; the title has the count. */
const MOST_LISTED = 3;

/** One message: its sender over its subject. Several: the count over a few "sender: subject" lines. */
export function newMailWords(event: Events['mail.new'], t: Translate): { title: string; body: string } {
  const subject = (message: Events['mail.new']['messages'][number]) => message.subject || t('messages.noSubject');
  const sender = (message: Events['mail.new']['messages'][number]) => senderLabel(message.from) || t('messages.unknownSender');
  const [only] = event.messages;
  if (event.ids.length === 1 && only) return { title: sender(only), body: subject(only) };
  const lines = event.messages.slice(0, MOST_LISTED).map((message) => `${sender(message)}: ${subject(message)}`);
  // The count is every id's: the event describes only the newest few of a long time away's mail.
  return { title: t('notify.newMessages', { count: event.ids.length }), body: lines.join('\n') };
}
