import type { MessageView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { HtmlBody } from '../HtmlBody';
import './message-body.css';

/** HTML when the mail has it (sanitized, framed), else its plain text exactly as written. */
export function MessageBody({ message }: { message: MessageView }) {
  const t = useT();
  if (message.html) return <HtmlBody html={message.html} sender={message.from.address} />;
  if (message.text) {
    return (
      <pre className="message-body__text" data-testid="message-text">
        {message.text}
      </pre>
    );
  }
  return <p className="message-body__none">{t('reading.noBody')}</p>;
}
