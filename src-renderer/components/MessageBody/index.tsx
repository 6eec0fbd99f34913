import type { BodyView, MessageView } from '../../../src-main/ipc/contract';
import { useRequest } from '../../hooks/use-request';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { HtmlBody } from '../HtmlBody';
import { LongText } from './long-text-view';
import './message-body.css';

/**
 * HTML when the mail has it (sanitized, framed), else its plain text exactly as written. As plain text (View ▸
 * Message Body As ▸ Plain Text), an HTML mail shows its own text part, or its HTML made text by the core: no
 * frame, nothing remote, no formatting.
 */
export function MessageBody({ message, as = 'html' }: { message: MessageView; as?: BodyView }) {
  const t = useT();
  if (message.html && as === 'plain') return message.text !== null ? <PlainText text={message.text} /> : <HtmlMadeText messageId={message.id} />;
  if (message.html) return <HtmlBody html={message.html} sender={message.from.address} />;
  if (message.text) return <PlainText text={message.text} />;
  return <p className="message-body__none">{t('reading.noBody')}</p>;
}

function PlainText({ text }: { text: string }) {
  return <LongText text={text} testId="message-text" />;
}

/** An HTML-only mail as text: made in the core's parse worker, as html-to-text is slow on a big one. */
function HtmlMadeText({ messageId }: { messageId: number }) {
  const t = useT();
  const plain = useRequest('messages.plainText', { messageId });
  if (plain.error) return <ErrorNotice error={plain.error} />;
  if (!plain.data) return <p className="message-body__none">{t('reading.plainLoading')}</p>;
  return <PlainText text={plain.data.text} />;
}
